import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	test,
	type Browser,
	type BrowserContextOptions,
	type Page
} from '@playwright/test';
import { DEMO_ORGANIZER_PASSWORD } from '../../playwright.config';
import en from '../../src/lib/i18n/locales/en.json' with { type: 'json' };
import fr from '../../src/lib/i18n/locales/fr.json' with { type: 'json' };
import { paths } from '../../src/lib/paths';

export { paths };

export const langs = ['en', 'fr'] as const;
export type Lang = (typeof langs)[number];

export const otherLang = (lang: Lang): Lang => (lang === 'en' ? 'fr' : 'en');

/** The demo organizer seeded into the test server's empty database (see playwright.config.ts). */
export const demoOrganizer = { email: 'organizer@demo.example', password: DEMO_ORGANIZER_PASSWORD };
export const demoCommunity = {
	slug: 'vanier',
	name: { en: 'Vanier Together', fr: 'Vanier ensemble' }
};

const locales: Record<Lang, unknown> = { en, fr };

/**
 * The copy of a locale key, with its {{placeholders}} filled in as the app does, so tests follow
 * the wording of each language rather than repeat it.
 */
export function t(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
	const text = key
		.split('.')
		.reduce<unknown>(
			(node, part) => (node as Record<string, unknown> | undefined)?.[part],
			locales[lang]
		);
	if (typeof text !== 'string') throw new Error(`No ${lang} text for "${key}"`);
	return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

/** Unique per call, so tests can share the server's database across a run. */
export function unique(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export async function signIn(
	page: Page,
	lang: Lang,
	{ email, password } = demoOrganizer
): Promise<void> {
	await page.goto(paths.signIn(lang));
	await page.getByLabel(t(lang, 'auth.email')).fill(email);
	await page.getByLabel(t(lang, 'auth.password'), { exact: true }).fill(password);
	await page.getByRole('button', { name: t(lang, 'auth.sign_in') }).click();
	await expect(page).toHaveURL(paths.communities(lang));
	await expect(
		page.getByRole('heading', { level: 1, name: t(lang, 'communities.mine_title') })
	).toBeVisible();
}

export interface NewCommunity {
	nameEn: string;
	nameFr: string;
	slug: string;
	region?: string;
}

export function newCommunity(): NewCommunity {
	const slug = unique('e2e');
	return { nameEn: `Riverside ${slug}`, nameFr: `Bord de l’eau ${slug}`, slug, region: 'Ottawa' };
}

/** Fills and sends the new-community form; the caller checks where it lands. */
export async function submitCommunityForm(
	page: Page,
	lang: Lang,
	community: Partial<NewCommunity> & { defaultLanguage?: Lang }
): Promise<void> {
	await page.goto(paths.newCommunity(lang));
	const fields = {
		nameEn: 'communities.name_en',
		nameFr: 'communities.name_fr',
		slug: 'communities.slug',
		region: 'communities.region'
	} as const;
	for (const [field, label] of Object.entries(fields)) {
		const value = community[field as keyof typeof fields];
		if (value !== undefined) await page.getByLabel(t(lang, label)).fill(value);
	}
	if (community.defaultLanguage) {
		await page
			.getByLabel(t(lang, 'communities.default_language'))
			.selectOption({ label: t(lang, `languages.${community.defaultLanguage}`) });
	}
	await page.getByRole('button', { name: t(lang, 'communities.create') }).click();
}

/** Creates a community as the signed-in user and waits for its page. */
export async function createCommunity(
	page: Page,
	lang: Lang,
	community: NewCommunity = newCommunity()
): Promise<NewCommunity> {
	await submitCommunityForm(page, lang, community);
	await expect(page).toHaveURL(paths.community(lang, community.slug));
	return community;
}

/**
 * A new browser context like the running test's own (same phone, same JavaScript setting unless
 * told otherwise) but with no cookies: someone else, on another device.
 */
export async function newPhoneContext(browser: Browser, options: BrowserContextOptions = {}) {
	const { baseURL, viewport, isMobile, hasTouch, userAgent, deviceScaleFactor, javaScriptEnabled } =
		test.info().project.use;
	return browser.newContext({
		baseURL,
		viewport,
		isMobile,
		hasTouch,
		userAgent,
		deviceScaleFactor,
		javaScriptEnabled,
		...options
	});
}

export async function newVisitor(browser: Browser, locale?: string) {
	const context = await newPhoneContext(browser, { locale });
	return { context, page: await context.newPage() };
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The page axe should check. axe-core runs inside the page and needs its timers, which do not run
 * when JavaScript is off; then the page's HTML as it stands (its scripts removed) is served again
 * at the same address, with the same styles, to a JavaScript-enabled copy.
 */
async function pageForAxe(page: Page): Promise<{ target: Page; done: () => Promise<void> }> {
	if (test.info().project.use.javaScriptEnabled !== false) {
		return { target: page, done: async () => {} };
	}
	const url = page.url();
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
	const browser = page.context().browser();
	if (!browser) throw new Error('The page has no browser to open a copy in.');
	const context = await newPhoneContext(browser, { javaScriptEnabled: true });
	const target = await context.newPage();
	await target.route(
		(address) => address.href === url,
		(route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
	);
	await target.goto(url);
	return { target, done: () => context.close() };
}

/** Runs axe-core on the page as it is now; a failure lists each violation and where it is. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const { target, done } = await pageForAxe(page);
	const { violations } = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze();
	await done();
	const readable = violations.map((violation) =>
		[
			`${violation.id} (${violation.impact}): ${violation.help}`,
			`  ${violation.helpUrl}`,
			...violation.nodes.map(
				(node) =>
					`  at ${node.target.join(' ')}\n    ${node.html}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}`
			)
		].join('\n')
	);
	expect(readable, `accessibility violations on ${page.url()}`).toEqual([]);
}

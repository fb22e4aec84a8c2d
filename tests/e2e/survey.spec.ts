import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, langs, otherLang, paths, t, type Lang } from './helpers';

/** The demo questionnaire (supabase/seed.sql), in words each language's page shows. */
const SLUG = 'vanier-2026';
const demo = {
	en: {
		title: /Vanier 2026: have your say/,
		lived: /How long have you lived in Vanier/,
		lessThanAYear: 'Less than a year',
		activity: /taken part in a community activity/,
		which: /Which activity/,
		household: /How many people live in your household/,
		age: /What is your age/,
		age25: '25 to 34'
	},
	fr: {
		title: /Vanier 2026 : donnez votre avis/,
		lived: /habitez-vous à Vanier/,
		lessThanAYear: 'Moins d’un an',
		activity: /participé à une activité communautaire/,
		which: /Laquelle/,
		household: /Combien de personnes vivent dans votre ménage/,
		age: /Quel est votre âge/,
		age25: '25 à 34 ans'
	}
} as const;

const RECEIPT = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function randomReceipt(): string {
	const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
	const code = [...crypto.getRandomValues(new Uint8Array(12))].map((byte) => alphabet[byte % 32]);
	return code.join('').replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3');
}

const javaScript = () => test.info().project.use.javaScriptEnabled !== false;

function section(page: Page, lang: Lang, current: number) {
	return page.getByText(t(lang, 'survey.progress', { current, total: 2 }), { exact: true });
}

function question(page: Page, name: RegExp) {
	return page.getByRole('group', { name });
}

async function next(page: Page, lang: Lang) {
	await page.getByRole('button', { name: t(lang, 'survey.next'), exact: true }).click();
}

async function send(page: Page, lang: Lang) {
	await page.getByRole('button', { name: t(lang, 'survey.send'), exact: true }).click();
}

/** Answers section 1 (with the conditional question) and moves to section 2. */
async function answerFirstSection(page: Page, lang: Lang) {
	const words = demo[lang];
	await question(page, words.lived).getByRole('radio', { name: words.lessThanAYear }).check();
	await question(page, words.activity)
		.getByRole('radio', { name: t(lang, 'questionnaire.yes') })
		.check();
	const which = page.getByRole('textbox', { name: words.which });
	if (javaScript()) {
		// Conditions apply as people answer.
		await expect(which).toBeVisible();
	} else {
		// Without JavaScript the server shows the question the answer revealed before moving on.
		await expect(which).toHaveCount(0);
		await next(page, lang);
		await expect(page.getByText(t(lang, 'survey.new_questions'))).toBeVisible();
		await expect(section(page, lang, 1)).toBeVisible();
	}
	await which.fill('Jardin communautaire');
	await next(page, lang);
	await expect(section(page, lang, 2)).toBeVisible();
}

/** Answers the whole questionnaire from its first screen; returns the receipt code. */
async function answerAll(page: Page, lang: Lang): Promise<string> {
	await page.goto(paths.survey(lang, SLUG));
	await answerFirstSection(page, lang);
	await question(page, demo[lang].age).getByRole('radio', { name: demo[lang].age25 }).check();
	await send(page, lang);
	await expect(page.getByRole('heading', { name: t(lang, 'survey.thanks_title') })).toBeVisible();
	const receipt = (await page.locator('.receipt-code').textContent())?.trim() ?? '';
	expect(receipt).toMatch(RECEIPT);
	return receipt;
}

async function lookUp(page: Page, lang: Lang, receipt: string) {
	await page.goto(paths.surveyReceipt(lang, SLUG));
	await page.getByLabel(t(lang, 'survey.receipt.code')).fill(receipt);
	await page.getByRole('button', { name: t(lang, 'survey.receipt.show') }).click();
}

for (const lang of langs) {
	const other = otherLang(lang);
	const words = demo[lang];

	test.describe(`answering a questionnaire in ${lang}`, () => {
		test('one section per screen, with errors beside the fields, to a receipt', async ({
			page
		}) => {
			await page.goto(paths.survey(lang, SLUG));
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
			await expect(section(page, lang, 1)).toBeVisible();
			await expect(page.getByRole('progressbar')).toHaveAttribute('value', '1');
			await expect(page.getByRole('button', { name: t(lang, 'survey.back') })).toHaveCount(0);
			// Readable on a 390-pixel phone: nothing wider than the screen.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				page.viewportSize()!.width
			);
			await expectNoAxeViolations(page);

			// Nothing chosen for the required question, and a household of "lots".
			await page.getByRole('textbox', { name: words.household }).fill('lots');
			await next(page, lang);
			const summary = page.getByRole('alert').filter({ hasText: t(lang, 'errors.summary_title') });
			await expect(summary).toBeVisible();
			await expect(summary.getByRole('link')).toHaveCount(2);
			if (javaScript()) await expect(summary).toBeFocused();
			const lived = question(page, words.lived);
			await expect(lived.getByText(t(lang, 'answer_errors.required'))).toBeVisible();
			await expect(lived.getByRole('radio').first()).toHaveAttribute('aria-invalid', 'true');
			const household = page.getByRole('textbox', { name: words.household });
			await expect(household).toHaveValue('lots'); // kept as typed
			await expect(household).toHaveAttribute('aria-invalid', 'true');
			await expect(household).toHaveAccessibleDescription(
				new RegExp(escape(t(lang, 'answer_errors.not_a_number')))
			);
			await expect(section(page, lang, 1)).toBeVisible();
			await expectNoAxeViolations(page);

			await household.fill('3');
			await answerFirstSection(page, lang);
			await expectNoAxeViolations(page);

			// Back keeps what was typed on both screens.
			const age = question(page, words.age);
			await age.getByRole('radio', { name: words.age25 }).check();
			await page.getByRole('button', { name: t(lang, 'survey.back') }).click();
			await expect(section(page, lang, 1)).toBeVisible();
			await expect(page.getByRole('textbox', { name: words.which })).toHaveValue(
				'Jardin communautaire'
			);
			await expect(page.getByRole('textbox', { name: words.household })).toHaveValue('3');
			await next(page, lang);
			await expect(age.getByRole('radio', { name: words.age25 })).toBeChecked();

			await send(page, lang);
			await expect(
				page.getByRole('heading', { name: t(lang, 'survey.thanks_title') })
			).toBeVisible();
			await expect(page.getByText(t(lang, 'survey.outcome.created'))).toBeVisible();
			await expect(page.getByText(t(lang, 'survey.receipt_explain'))).toBeVisible();
			const receipt = (await page.locator('.receipt-code').textContent())?.trim() ?? '';
			expect(receipt).toMatch(RECEIPT);
			await expectNoAxeViolations(page);

			// The receipt opens the answers, in the page's language.
			await page.getByRole('link', { name: t(lang, 'survey.receipt_link') }).click();
			await expect(page).toHaveURL(paths.surveyReceipt(lang, SLUG));
			await expectNoAxeViolations(page);
			await page.getByLabel(t(lang, 'survey.receipt.code')).fill(receipt.toLowerCase());
			await page.getByRole('button', { name: t(lang, 'survey.receipt.show') }).click();
			await expect(
				page.getByRole('heading', { name: t(lang, 'survey.your_answers'), exact: true })
			).toBeVisible();
			await expect(
				page.getByRole('definition').filter({ hasText: 'Jardin communautaire' })
			).toBeVisible();
			await expect(page.getByRole('definition').filter({ hasText: words.age25 })).toBeVisible();
			await expect(
				page.getByRole('definition').filter({ hasText: words.lessThanAYear })
			).toBeVisible();
			await expectNoAxeViolations(page);

			// Change my answers: the same response, opened again and saved as a change.
			await page.getByRole('button', { name: t(lang, 'survey.receipt.change') }).click();
			await expect(page.getByText(t(lang, 'survey.editing'))).toBeVisible();
			await expect(
				question(page, words.lived).getByRole('radio', { name: words.lessThanAYear })
			).toBeChecked();
			await question(page, words.activity)
				.getByRole('radio', { name: t(lang, 'questionnaire.no') })
				.check();
			if (javaScript())
				await expect(page.getByRole('textbox', { name: words.which })).toHaveCount(0);
			await next(page, lang);
			await expect(section(page, lang, 2)).toBeVisible();
			await send(page, lang);
			await expect(page.getByText(t(lang, 'survey.outcome.updated'))).toBeVisible();
			await expect(page.locator('.receipt-code')).toHaveText(receipt);

			await lookUp(page, lang, receipt);
			await expect(
				page.getByRole('heading', { name: t(lang, 'survey.your_answers'), exact: true })
			).toBeVisible();
			await expect(
				page.getByRole('definition').filter({ hasText: 'Jardin communautaire' })
			).toHaveCount(0);
		});

		test('a response can be deleted with its receipt, after confirming', async ({ page }) => {
			const receipt = await answerAll(page, lang);
			await lookUp(page, lang, receipt);
			await page.getByRole('button', { name: t(lang, 'survey.receipt.delete') }).click();
			await expect(
				page.getByRole('heading', { name: t(lang, 'survey.receipt.confirm_title') })
			).toBeVisible();
			await expectNoAxeViolations(page);
			// Changing one's mind keeps it.
			await page.getByRole('button', { name: t(lang, 'survey.receipt.keep') }).click();
			await expect(
				page.getByRole('heading', { name: t(lang, 'survey.your_answers'), exact: true })
			).toBeVisible();
			await page.getByRole('button', { name: t(lang, 'survey.receipt.delete') }).click();
			await page.getByRole('button', { name: t(lang, 'survey.receipt.confirm_delete') }).click();
			await expect(
				page.getByRole('heading', { name: t(lang, 'survey.receipt.deleted') })
			).toBeVisible();
			await expectNoAxeViolations(page);

			await lookUp(page, lang, receipt);
			await expect(page.getByText(t(lang, 'survey.receipt.not_found')).first()).toBeVisible();
		});

		test('a wrong receipt code is refused clearly', async ({ page }) => {
			await lookUp(page, lang, 'ABCD-EFGH-JKMN');
			const field = page.getByLabel(t(lang, 'survey.receipt.code'));
			await expect(field).toHaveAttribute('aria-invalid', 'true');
			await expect(field).toHaveValue('ABCD-EFGH-JKMN');
			await expect(page.getByText(t(lang, 'survey.receipt.not_found')).first()).toBeVisible();
			await expectNoAxeViolations(page);
			await lookUp(page, lang, '12');
			await expect(page.getByText(t(lang, 'survey.receipt.format')).first()).toBeVisible();
		});

		test('switching language inside the form keeps the answers', async ({ page }) => {
			await page.goto(paths.survey(lang, SLUG));
			await question(page, words.lived).getByRole('radio', { name: words.lessThanAYear }).check();
			await page.getByRole('textbox', { name: words.household }).fill('4');
			const switcher = page.getByRole('button', { name: t(other, 'survey.continue_here') });
			await expect(switcher).toHaveAttribute('lang', other);
			await switcher.click();
			await expect(page).toHaveURL(new RegExp(`^[^?]*${paths.survey(other, SLUG)}(\\?.*)?$`));
			await expect(page.locator('html')).toHaveAttribute('lang', other);
			await expect(page.getByRole('heading', { level: 1, name: demo[other].title })).toBeVisible();
			await expect(
				question(page, demo[other].lived).getByRole('radio', { name: demo[other].lessThanAYear })
			).toBeChecked();
			await expect(page.getByRole('textbox', { name: demo[other].household })).toHaveValue('4');
			await expectNoAxeViolations(page);
		});

		test('the same response sent twice is saved once and said to be already received', async ({
			page,
			baseURL
		}) => {
			const id = (n: number) => `00000000-0000-4000-8000-000000000${n}`;
			// As the last screen posts it: the id and receipt made for the first screen, the
			// questions shown, the answers of both sections.
			const form = {
				responseId: crypto.randomUUID(),
				receipt: randomReceipt(),
				section: '1',
				shown: [121, 122, 123].map(id).join(','),
				[`q_${id(111)}`]: 'over_10',
				[`q_${id(121)}`]: 'prefer_not_to_say'
			};
			const post = () =>
				page.request.post(`${paths.survey(lang, SLUG)}?/next`, {
					form,
					headers: { origin: baseURL!, accept: 'text/html' }
				});
			const first = await (await post()).text();
			expect(first).toContain(t(lang, 'survey.outcome.created'));
			const again = await post();
			expect(again.status()).toBe(200);
			expect(await again.text()).toContain(t(lang, 'survey.outcome.already'));
		});
	});
}

test.describe('with JavaScript', { tag: '@js' }, () => {
	test('answers given before the script arrives count for conditions', async ({ page }) => {
		// A slow phone connection: the form is on screen well before it is hydrated.
		await page.route('**/_app/immutable/**', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 1500));
			await route.continue();
		});
		await page.goto(paths.survey('en', SLUG), { waitUntil: 'commit' });
		const yes = question(page, demo.en.activity).getByRole('radio', {
			name: t('en', 'questionnaire.yes')
		});
		await yes.check();
		await page.waitForLoadState('networkidle');
		await expect(yes).toBeChecked();
		await expect(page.getByRole('textbox', { name: demo.en.which })).toBeVisible();
	});

	test('the header language link keeps the answers too', async ({ page }) => {
		await page.goto(paths.survey('en', SLUG));
		await question(page, demo.en.lived).getByRole('radio', { name: demo.en.lessThanAYear }).check();
		await page
			.getByRole('navigation')
			.getByRole('link', { name: t('en', 'nav.switch_language') })
			.click();
		await expect(page).toHaveURL(paths.survey('fr', SLUG));
		await expect(
			question(page, demo.fr.lived).getByRole('radio', { name: demo.fr.lessThanAYear })
		).toBeChecked();
		// A hand-over, not a draft: no "restored" notice.
		await expect(page.getByText(t('fr', 'survey.restored'))).toHaveCount(0);
	});

	test('progress is kept on the device and brought back on return', async ({ page }) => {
		await page.goto(paths.survey('fr', SLUG));
		await answerFirstSection(page, 'fr');
		await question(page, demo.fr.age).getByRole('radio', { name: demo.fr.age25 }).check();
		await page.goto(paths.home('fr'));
		await page.goto(paths.survey('fr', SLUG));
		await expect(page.getByText(t('fr', 'survey.restored'))).toBeVisible();
		await expect(section(page, 'fr', 2)).toBeVisible();
		await expect(
			question(page, demo.fr.age).getByRole('radio', { name: demo.fr.age25 })
		).toBeChecked();
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: t('fr', 'survey.start_over') }).click();
		await expect(section(page, 'fr', 1)).toBeVisible();
		await expect(page.getByText(t('fr', 'survey.restored'))).toHaveCount(0);
		await expect(
			question(page, demo.fr.lived).getByRole('radio', { name: demo.fr.lessThanAYear })
		).not.toBeChecked();
		await page.reload();
		await expect(section(page, 'fr', 1)).toBeVisible();
		await expect(page.getByText(t('fr', 'survey.restored'))).toHaveCount(0);
	});

	test('going back keeps what was typed after a restore', async ({ page }) => {
		await page.goto(paths.survey('en', SLUG));
		await answerFirstSection(page, 'en');
		await page.reload();
		await expect(page.getByText(t('en', 'survey.restored'))).toBeVisible();
		await page.getByRole('button', { name: t('en', 'survey.back') }).click();
		await expect(page.getByRole('textbox', { name: demo.en.which })).toHaveValue(
			'Jardin communautaire'
		);
		await page
			.getByRole('button', { name: t('en', 'survey.start_over') })
			.waitFor({ state: 'detached' });
	});

	test('answers sent while offline wait on the device and go when the network is back', async ({
		page,
		context
	}) => {
		await page.goto(paths.survey('en', SLUG));
		await answerFirstSection(page, 'en');
		await question(page, demo.en.age).getByRole('radio', { name: demo.en.age25 }).check();

		await context.setOffline(true);
		await send(page, 'en');
		await expect(page.getByRole('heading', { name: t('en', 'survey.queued_title') })).toBeVisible();
		const receipt = (await page.locator('.receipt-code').textContent())?.trim() ?? '';
		expect(receipt).toMatch(RECEIPT);
		expect(
			await page.evaluate(() => JSON.parse(localStorage.getItem('cg-outbox') ?? '[]').length)
		).toBe(1);
		await expectNoAxeViolations(page);

		await context.setOffline(false);
		await expect(page.getByText(t('en', 'survey.outcome.sent_later'))).toBeVisible();
		expect(await page.evaluate(() => localStorage.getItem('cg-outbox'))).toBeNull();

		await lookUp(page, 'en', receipt);
		await expect(page.getByRole('definition').filter({ hasText: demo.en.age25 })).toBeVisible();
	});

	test('answers queued offline are sent at the next visit', async ({ page, context }) => {
		await page.goto(paths.survey('fr', SLUG));
		await answerFirstSection(page, 'fr');
		await context.setOffline(true);
		await send(page, 'fr');
		await expect(page.getByRole('heading', { name: t('fr', 'survey.queued_title') })).toBeVisible();
		await page.close();

		await context.setOffline(false);
		const later = await context.newPage();
		await later.goto(paths.survey('fr', SLUG));
		await expect(later.getByText(t('fr', 'survey.outcome.sent_later'))).toBeVisible();
		expect(await later.evaluate(() => localStorage.getItem('cg-outbox'))).toBeNull();
	});
});

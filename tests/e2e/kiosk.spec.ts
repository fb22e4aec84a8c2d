import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	demoCommunity,
	expectNoAxeViolations,
	langs,
	newPhoneContext,
	otherLang,
	paths,
	signIn,
	t,
	type Lang
} from './helpers';

/** The demo questionnaire (supabase/seed.sql), in words each language's page shows. */
const SLUG = 'vanier-2026';
const DEMO_ID = '00000000-0000-4000-8000-000000000100';
const demo = {
	en: {
		lived: /How long have you lived in Vanier/,
		lessThanAYear: 'Less than a year',
		activity: /taken part in a community activity/,
		household: /How many people live in your household/,
		age: /What is your age/,
		age25: '25 to 34'
	},
	fr: {
		lived: /habitez-vous à Vanier/,
		lessThanAYear: 'Moins d’un an',
		activity: /participé à une activité communautaire/,
		household: /Combien de personnes vivent dans votre ménage/,
		age: /Quel est votre âge/,
		age25: '25 à 34 ans'
	}
} as const;

const javaScript = () => test.info().project.use.javaScriptEnabled !== false;

const section = (page: Page, lang: Lang, current: number) =>
	page.getByText(t(lang, 'survey.progress', { current, total: 2 }), { exact: true });

const question = (page: Page, name: RegExp) => page.getByRole('group', { name });

/** Answers section 1 without the conditional question, and moves to section 2. */
async function answerFirstSection(page: Page, lang: Lang) {
	const words = demo[lang];
	await question(page, words.lived).getByRole('radio', { name: words.lessThanAYear }).check();
	await question(page, words.activity)
		.getByRole('radio', { name: t(lang, 'questionnaire.no') })
		.check();
	await page.getByRole('textbox', { name: words.household }).fill('3');
	await page.getByRole('button', { name: t(lang, 'survey.next'), exact: true }).click();
	await expect(section(page, lang, 2)).toBeVisible();
}

/** The keys this device keeps answers under (drafts, hand-overs, the outbox). */
const storedAnswers = (page: Page) =>
	page.evaluate(() =>
		[...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) =>
			key.startsWith('cg-')
		)
	);

/** A fresh form for the next person: the first screen, nothing chosen, nothing typed. */
async function expectFreshForm(page: Page, lang: Lang) {
	await expect(page).toHaveURL(paths.surveyKiosk(lang, SLUG));
	await expect(section(page, lang, 1)).toBeVisible();
	await expect(question(page, demo[lang].lived).getByRole('radio', { checked: true })).toHaveCount(
		0
	);
	await expect(
		question(page, demo[lang].activity).getByRole('radio', { checked: true })
	).toHaveCount(0);
	await expect(page.getByRole('textbox', { name: demo[lang].household })).toHaveValue('');
	await expect(page.locator('.receipt-code')).toHaveCount(0);
}

/** How many visible inputs of the page hold something: chosen, or with text in them. */
const filledInputs = (page: Page) =>
	page.evaluate(
		() =>
			[...document.querySelectorAll<HTMLInputElement>('input:not([type="hidden"])')].filter(
				(input) =>
					input.type === 'radio' || input.type === 'checkbox' ? input.checked : input.value !== ''
			).length
	);

/** Whether the organizer's results, filtered to the kiosk channel, hold any response. */
async function kioskResponsesSeen(browser: Browser, lang: Lang): Promise<boolean> {
	const context = await newPhoneContext(browser);
	const page = await context.newPage();
	await signIn(page, lang);
	await page.goto(paths.questionnaireResults(lang, demoCommunity.slug, DEMO_ID, '?channel=kiosk'));
	await expect(
		page
			.getByText(t(lang, 'results.no_matches'))
			.or(page.getByRole('status').locator('strong'))
			.or(page.locator('.notice.warning'))
			.first()
	).toBeVisible();
	const none = await page.getByText(t(lang, 'results.no_matches')).isVisible();
	await context.close();
	return !none;
}

for (const lang of langs) {
	const other = otherLang(lang);

	test.describe(`kiosk mode in ${lang}`, () => {
		test('a shared tablet saves kiosk responses, shows no receipt and starts fresh for the next person', async ({
			page,
			browser
		}) => {
			await page.goto(paths.home(lang));
			await page.goto(paths.surveyKiosk(lang, SLUG));
			await expect(section(page, lang, 1)).toBeVisible();
			await expectNoAxeViolations(page);
			const firstId = await page.locator('input[name="responseId"]').inputValue();

			await answerFirstSection(page, lang);
			if (javaScript()) expect(await storedAnswers(page)).toEqual([]);

			// The language switch keeps kiosk mode and the answers.
			await page.getByRole('button', { name: t(other, 'survey.continue_here') }).click();
			await expect(page.locator('html')).toHaveAttribute('lang', other);
			await expect(page).toHaveURL(/[?&]kiosk=1\b/);
			await expect(section(page, other, 2)).toBeVisible();
			await question(page, demo[other].age).getByRole('radio', { name: demo[other].age25 }).check();
			await page.getByRole('button', { name: t(other, 'survey.send'), exact: true }).click();

			await expect(
				page.getByRole('heading', { name: t(other, 'survey.thanks_title') })
			).toBeVisible();
			await expect(page.getByText(t(other, 'survey.kiosk.thanks_body'))).toBeVisible();
			await expect(page.locator('.receipt-code')).toHaveCount(0);
			await expect(page.getByText(t(other, 'survey.receipt_label'))).toHaveCount(0);
			await expect(page.getByText(t(other, 'survey.receipt_link'))).toHaveCount(0);
			await expectNoAxeViolations(page);
			if (javaScript()) expect(await storedAnswers(page)).toEqual([]);

			await page.getByRole('link', { name: t(other, 'survey.kiosk.next_person') }).click();
			await expectFreshForm(page, other);
			expect(await page.locator('input[name="responseId"]').inputValue()).not.toBe(firstId);
			if (javaScript()) {
				expect(await storedAnswers(page)).toEqual([]);
				// Back brings neither the thank-you screen nor the answers again.
				await page.goBack();
				await page.waitForLoadState();
				await expect(
					page.getByRole('heading', { name: t(other, 'survey.thanks_title') })
				).toHaveCount(0);
				await expect.poll(() => filledInputs(page)).toEqual(0);
			}

			expect(await kioskResponsesSeen(browser, lang)).toBe(true);
		});

		test('@js nothing of an earlier visit comes back, and the form starts over on its own', async ({
			page
		}) => {
			// Someone's draft on the device from the ordinary page…
			await page.goto(paths.survey(lang, SLUG));
			// (typed again until the page's script, arriving after the HTML, has kept it)
			const household = page.getByRole('textbox', { name: demo[lang].household });
			await expect
				.poll(async () => {
					await household.fill('7');
					return page.evaluate(() => Object.keys(localStorage));
				})
				.toContain(`cg-survey:${SLUG}`);
			const draft = await page.evaluate(() => Object.entries(localStorage));

			// …is neither restored in kiosk mode nor overwritten by it.
			await page.clock.install();
			await page.goto(paths.surveyKiosk(lang, SLUG));
			await expect(page.getByText(t(lang, 'survey.restored'))).toHaveCount(0);
			await expect(page.getByRole('textbox', { name: demo[lang].household })).toHaveValue('');
			await answerFirstSection(page, lang);
			await question(page, demo[lang].age).getByRole('radio', { name: demo[lang].age25 }).check();
			await page.getByRole('button', { name: t(lang, 'survey.send'), exact: true }).click();
			await expect(
				page.getByText(t(lang, 'survey.kiosk.restart_soon', { seconds: 20 }))
			).toBeVisible();
			expect(await page.evaluate(() => Object.entries(localStorage))).toEqual(draft);
			expect(await page.evaluate(() => localStorage.getItem('cg-outbox'))).toBeNull();

			await page.clock.fastForward(20_000);
			await expectFreshForm(page, lang);
			await expectNoAxeViolations(page);
		});
	});
}

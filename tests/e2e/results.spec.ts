import { expect, test } from '@playwright/test';
import { demoCommunity, expectNoAxeViolations, langs, paths, signIn, t } from './helpers';

/** The demo questionnaire of the seed, and its community's k. */
const demo = {
	id: '00000000-0000-4000-8000-000000000100',
	title: { en: 'Vanier 2026: have your say', fr: 'Vanier 2026 : donnez votre avis' },
	k: 10
};

for (const lang of langs) {
	test.describe(`in ${lang}`, () => {
		const results = (search = '') =>
			paths.questionnaireResults(lang, demoCommunity.slug, demo.id, search);

		test('the organizer opens the results of the demo questionnaire', async ({ page }) => {
			await signIn(page, lang);
			await page.goto(results());
			await expect(
				page.getByRole('heading', {
					level: 1,
					name: t(lang, 'results.title', { title: demo.title[lang] })
				})
			).toBeVisible();
			// A fresh server has no responses, fewer than k show no numbers, and by the time other
			// specs have answered the shared demo questionnaire k times, the count is shown.
			const count = t(lang, 'results.responses_all', { count: '§' })
				.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
				.replace('§', '\\d+');
			await expect(
				page
					.getByText(t(lang, 'results.no_responses'))
					.or(page.getByText(t(lang, 'results.not_enough_yet', { k: demo.k })))
					.or(page.getByText(new RegExp(`^${count}$`)))
					// with no responses, "no responses yet" and "Responses: 0" both show
					.first()
			).toBeVisible();
			await expectNoAxeViolations(page);

			// Filters are a GET form: they work the same with and without JavaScript.
			const filters = page.getByRole('form', { name: t(lang, 'results.filters_title') });
			await filters
				.getByLabel(t(lang, 'results.channel'))
				.selectOption({ label: t(lang, 'results.channels.interview') });
			await filters
				.getByLabel(t(lang, 'results.language'))
				.selectOption({ label: t(lang, `languages.${lang}`) });
			await filters.getByRole('button', { name: t(lang, 'results.apply_filters') }).click();
			await expect(page).toHaveURL(/[?&]channel=interview/);
			await expect(page).toHaveURL(new RegExp(`[?&]language=${lang}`));
			await expect(page.getByText(t(lang, 'results.no_matches'))).toBeVisible();
			await expect(filters.getByLabel(t(lang, 'results.channel'))).toHaveValue('interview');
			await expectNoAxeViolations(page);

			await page.getByRole('link', { name: t(lang, 'results.clear_filters') }).click();
			await expect(page).toHaveURL(results());
			await expect(filters.getByLabel(t(lang, 'results.channel'))).toHaveValue('');
		});

		test('the export is a UTF-8 CSV named for the questionnaire, without demographics unless asked', async ({
			page
		}) => {
			await signIn(page, lang);
			const exportUrl = (search: string) =>
				paths.questionnaireExport(lang, demoCommunity.slug, demo.id, search);

			const response = await page.request.get(exportUrl('?lang=fr&channel=interview'));
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
			expect(response.headers()['content-disposition']).toBe(
				'attachment; filename="vanier-vanier-2026-resultats-filtres.csv"'
			);
			const body = await response.body();
			expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const [header] = body.toString('utf8').slice(1).split('\r\n');
			expect(header).toMatch(/^Nº,Date de la réponse,Mode de collecte,Langue,/);
			expect(header).toContain('Depuis combien de temps habitez-vous à Vanier ?');
			expect(header).not.toContain('Quel est votre âge ?');

			// Other specs answer the demo questionnaire: a group of nobody is always exportable,
			// whatever else is in the database by now.
			const withDemographics = await page.request.get(
				exportUrl('?lang=en&demographics=1&channel=interview')
			);
			expect(withDemographics.status()).toBe(200);
			expect(withDemographics.headers()['content-disposition']).toContain(
				'vanier-vanier-2026-results-filtered.csv'
			);
			expect(await withDemographics.text()).toContain('What is your age?');
		});

		test('results are for the community’s team only', async ({ page }) => {
			await page.goto(results());
			await expect(page).toHaveURL(paths.signIn(lang, results()));

			await signIn(page, lang);
			const unknown = await page.goto(
				paths.questionnaireResults(lang, demoCommunity.slug, crypto.randomUUID())
			);
			expect(unknown?.status()).toBe(404);
		});
	});
}

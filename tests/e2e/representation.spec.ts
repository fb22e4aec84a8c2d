import { expect, test, type Page } from '@playwright/test';
import { newReceiptCode } from '../../src/lib/domain/responses/receipt';
import { demoCommunity, expectNoAxeViolations, langs, paths, signIn, t } from './helpers';

const DEMO_QUESTIONNAIRE = '00000000-0000-4000-8000-000000000100';
const DEMO_SLUG = 'vanier-2026';
const id = (n: number) => `00000000-0000-4000-8000-000000000${n}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A locale text as a pattern, its {{placeholders}} matching anything. */
const pattern = (lang: 'en' | 'fr', key: string) => {
	const any = new Proxy({}, { get: () => '§' }) as Record<string, string>;
	return new RegExp(escape(t(lang, key, any)).replace(/§/g, '.+'));
};

/** Set up through code: a housing baseline where renters are 90 %, and 8 owners and 5 renters answering. */
async function setUp(page: Page, lang: 'en' | 'fr', baseURL: string) {
	const saved = await page.request.post(
		`${paths.baselines(lang, demoCommunity.slug)}/manual?dimension=housing_tenure`,
		{
			form: {
				dimension: 'housing_tenure',
				'counts.owner': '100',
				'counts.renter': '900',
				'counts.other': '0',
				year: '2021',
				sourceLabel: 'e2e',
				geography: ''
			},
			headers: { origin: baseURL, accept: 'text/html' },
			maxRedirects: 0
		}
	);
	expect(saved.status()).toBe(303);
	for (let i = 0; i < 13; i++) {
		const response = await page.request.post(paths.surveySubmit(lang, DEMO_SLUG), {
			data: {
				responseId: crypto.randomUUID(),
				receipt: newReceiptCode(),
				language: lang,
				answers: {
					[id(111)]: 'over_10',
					[id(116)]: i < 5 ? 'yes' : 'no',
					[id(123)]: i < 5 ? 'renter' : 'owner'
				}
			}
		});
		expect(response.status()).toBe(201);
	}
}

for (const lang of langs) {
	test.describe(`in ${lang}`, { tag: '@js' }, () => {
		test('the dashboard shows ratios and targets, and results are weighted beside raw ones', async ({
			page,
			baseURL
		}) => {
			await signIn(page, lang);
			await setUp(page, lang, baseURL!);

			await page.goto(paths.community(lang, demoCommunity.slug));
			await page.getByRole('link', { name: t(lang, 'representation.title') }).click();
			await expect(
				page.getByRole('heading', { level: 1, name: t(lang, 'representation.title') })
			).toBeVisible();
			const tenure = page.getByRole('table', {
				name: t(lang, 'demographics.housing_tenure.label')
			});
			const renter = tenure.getByRole('row', {
				name: new RegExp(`^${escape(t(lang, 'demographics.housing_tenure.options.renter'))}`)
			});
			await expect(renter).toBeVisible();
			// Renters are 5 of those who said, against 90 % of the population: flagged with a target
			// (an upper bound when fewer than k renters keep their count hidden).
			await expect(
				page
					.getByText(pattern(lang, 'representation.target_other'))
					.or(page.getByText(pattern(lang, 'representation.target_at_most_other')))
					.first()
			).toBeVisible();
			await expect(
				tenure.getByRole('columnheader', { name: t(lang, 'representation.ratio') })
			).toBeVisible();
			await expectNoAxeViolations(page);

			// Filters are a GET form.
			const filters = page.getByRole('form', { name: t(lang, 'representation.filters_title') });
			await filters
				.getByLabel(t(lang, 'results.channel'))
				.selectOption({ label: t(lang, 'results.channels.online') });
			await filters.getByRole('button', { name: t(lang, 'results.apply_filters') }).click();
			await expect(page).toHaveURL(/[?&]channel=online/);

			await page.goto(paths.questionnaireResults(lang, demoCommunity.slug, DEMO_QUESTIONNAIRE));
			const weighting = page.getByRole('region', { name: t(lang, 'weighting.title') });
			await weighting.getByLabel(t(lang, 'demographics.housing_tenure.label')).check();
			await weighting.getByRole('button', { name: t(lang, 'weighting.apply') }).click();
			await expect(page).toHaveURL(/[?&]weight=housing_tenure/);
			await expect(page.getByText(pattern(lang, 'weighting.summary'))).toBeVisible();
			const weighted = page.getByRole('table', { name: t(lang, 'weighting.heading') }).first();
			await expect(weighted).toBeVisible();
			await expect(weighted.getByText(/±/).first()).toBeVisible();
			await expectNoAxeViolations(page);

			// A filter chosen next keeps the weighting.
			const resultFilters = page.getByRole('form', { name: t(lang, 'results.filters_title') });
			await resultFilters
				.getByLabel(t(lang, 'results.language'))
				.selectOption({ label: t(lang, 'languages.en') });
			await resultFilters.getByRole('button', { name: t(lang, 'results.apply_filters') }).click();
			await expect(page).toHaveURL(/[?&]language=en/);
			await expect(page).toHaveURL(/[?&]weight=housing_tenure/);
		});
	});
}

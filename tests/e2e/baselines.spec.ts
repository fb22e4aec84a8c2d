import { expect, test, type Page } from '@playwright/test';
import { buildProfile, fullGeography, readFixture } from '../fixtures/census/build-profile';
import { createCommunity, expectNoAxeViolations, type Lang, langs, signIn, t } from './helpers';

const label = (lang: Lang, dimension: string) => t(lang, `demographics.${dimension}.label`);

async function openImport(page: Page, lang: Lang) {
	await signIn(page, lang);
	const community = await createCommunity(page, lang);
	await page.getByRole('link', { name: t(lang, 'baselines.title') }).click();
	await page.getByRole('link', { name: t(lang, 'baselines.import_link') }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: t(lang, 'baselines.import_title') })
	).toBeVisible();
	return community;
}

for (const lang of langs) {
	test.describe(`in ${lang}`, () => {
		test('@js an organizer reads a census file in the browser with a progress bar, sums two areas and imports', async ({
			page
		}) => {
			await openImport(page, lang);
			// made-up counts in the real 2021 layout (see build-profile.ts)
			const file = buildProfile([fullGeography('35061234'), fullGeography('35061235', 2)]);
			await page.getByLabel(t(lang, 'baselines.file')).setInputFiles({
				name: '98-401-X2021006_English_CSV_data.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(file, 'latin1')
			});
			await page.getByRole('button', { name: t(lang, 'baselines.read') }).click();
			const progress = page.getByRole('progressbar', { name: t(lang, 'baselines.reading_label') });
			await expect(progress).toHaveAttribute('value', String(Buffer.byteLength(file, 'latin1')));
			await expect(
				page.getByRole('group', { name: t(lang, 'baselines.geographies') })
			).toBeVisible();

			// nothing ticked: the error summary takes focus
			await page.getByRole('button', { name: t(lang, 'baselines.preview') }).click();
			await expect(page.getByRole('alert')).toBeFocused();
			await expect(page.getByRole('alert')).toContainText(t(lang, 'baselines.errors.no_geography'));

			await page.getByRole('checkbox', { name: /35061234/ }).check();
			await page.getByRole('checkbox', { name: /35061235/ }).check();
			await expect(page.getByLabel(t(lang, 'baselines.source_label'))).toHaveValue(
				/98-401-X2021006/
			);
			await page.getByRole('button', { name: t(lang, 'baselines.preview') }).click();
			await expect(
				page.getByRole('heading', { level: 2, name: t(lang, 'baselines.preview_title') })
			).toBeVisible();
			const tenure = page.getByRole('table', { name: new RegExp(label(lang, 'housing_tenure')) });
			// owners: 250 + 500 in the two areas
			await expect(tenure.getByRole('row', { name: /750/ })).toBeVisible();
			await expectNoAxeViolations(page);

			await page.getByRole('checkbox', { name: label(lang, 'gender') }).uncheck();
			await page.getByRole('button', { name: t(lang, 'baselines.confirm') }).click();
			await expect(page.getByRole('status')).toContainText(
				t(lang, 'baselines.imported_other', { count: 6 })
			);
			await expect(
				page.getByRole('heading', { level: 2, name: label(lang, 'housing_tenure') })
			).toBeVisible();
			await expect(
				page.getByRole('heading', { level: 2, name: label(lang, 'gender') })
			).toHaveCount(0);
			await expectNoAxeViolations(page);
		});

		test('an organizer imports the real census sample and enters disability by hand', async ({
			page
		}) => {
			await openImport(page, lang);
			// a file that is not a Census Profile: the row and what was expected
			await page.getByLabel(t(lang, 'baselines.file')).setInputFiles({
				name: 'answers.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from('Q1,Q2\nyes,no\n')
			});
			await page.getByRole('button', { name: t(lang, 'baselines.read') }).click();
			await expect(page.getByRole('alert')).toContainText(t(lang, 'baselines.errors.bad_file'));
			await expect(
				page.getByRole('table', { name: t(lang, 'baselines.problems_caption') })
			).toContainText('Q1, Q2');

			await page.getByLabel(t(lang, 'baselines.file')).setInputFiles({
				name: 'ada-10010001-2021.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(readFixture('ada-10010001-2021.csv'))
			});
			await page.getByRole('button', { name: t(lang, 'baselines.read') }).click();
			// one geography: already ticked
			await expect(page.getByRole('checkbox', { name: /10010001/ })).toBeChecked();
			await page.getByRole('button', { name: t(lang, 'baselines.preview') }).click();
			const gender = page.getByRole('table', { name: new RegExp(label(lang, 'gender')) });
			await expect(gender).toContainText(/4[\s,\u00a0\u202f]?050/);
			await page.getByRole('button', { name: t(lang, 'baselines.confirm') }).click();
			await expect(page.getByRole('status')).toContainText(
				t(lang, 'baselines.imported_one', { count: 1 })
			);

			await page
				.getByRole('link', {
					name: t(lang, 'baselines.enter', { dimension: label(lang, 'disability') })
				})
				.click();
			await page
				.getByLabel(t(lang, 'demographics.disability.options.yes'), { exact: true })
				.fill('abc');
			await page.getByRole('button', { name: t(lang, 'baselines.save') }).click();
			await expect(page.getByRole('alert')).toContainText(t(lang, 'baselines.errors.count_format'));
			await expectNoAxeViolations(page);
			await page
				.getByLabel(t(lang, 'demographics.disability.options.yes'), { exact: true })
				.fill('1200');
			await page
				.getByLabel(t(lang, 'demographics.disability.options.no'), { exact: true })
				.fill('6800');
			await page.getByRole('button', { name: t(lang, 'baselines.save') }).click();
			await expect(page.getByRole('status')).toContainText(
				t(lang, 'baselines.saved', { dimension: label(lang, 'disability') })
			);
			const disability = page.getByRole('table', { name: new RegExp(label(lang, 'disability')) });
			// the list page's accessibility is checked by the import test
			await expect(disability.getByRole('row', { name: /15/ })).toBeVisible();
		});
	});
}

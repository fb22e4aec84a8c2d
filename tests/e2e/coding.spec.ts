import { expect, test, type Page } from '@playwright/test';
import { newReceiptCode } from '../../src/lib/domain/responses/receipt';
import { demoCommunity, expectNoAxeViolations, langs, paths, signIn, t, unique } from './helpers';

const DEMO_SLUG = 'vanier-2026';
const id = (n: number) => `00000000-0000-4000-8000-000000000${n}`;
const slug = demoCommunity.slug;

/** Two residents answer the demo questionnaire's open question (set up through code). */
async function answer(page: Page, lang: 'en' | 'fr', texts: string[]) {
	for (const text of texts) {
		const response = await page.request.post(paths.surveySubmit(lang, DEMO_SLUG), {
			data: {
				responseId: crypto.randomUUID(),
				receipt: newReceiptCode(),
				language: lang,
				answers: { [id(111)]: 'over_10', [id(119)]: text }
			}
		});
		expect(response.status()).toBe(201);
	}
}

for (const lang of langs) {
	test.describe(`in ${lang}`, { tag: '@js' }, () => {
		test('import a codebook, code with the keyboard, undo, accept a suggestion, trace a priority area', async ({
			page
		}) => {
			const tag = unique('c').replace(/-/g, '');
			const crossing = `${tag} zebra crossing by the school, please`;
			const rent = `${tag} the rent is far too high for our family`;
			await signIn(page, lang);
			await answer(page, lang, [crossing, rent]);

			// The codebook: a CSV with a problem is refused as a whole, with its row and column.
			await page.goto(paths.codebook(lang, slug));
			await expect(
				page.getByRole('heading', { level: 1, name: t(lang, 'codebook.title') })
			).toBeVisible();
			const code = `crossings-${tag}`;
			const name = { en: `Crossings ${tag}`, fr: `Traverses ${tag}` };
			const file = (csv: string) => ({
				name: 'codebook.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(csv)
			});
			const header = 'code,parent,name_en,name_fr,keywords_en,keywords_fr';
			const importForm = page.getByRole('form', { name: t(lang, 'codebook.import_title') });
			await importForm
				.getByLabel(t(lang, 'codebook.file'))
				.setInputFiles(file(`${header}\n${code},,,${name.fr},,\n`));
			await importForm.getByRole('button', { name: t(lang, 'codebook.check') }).click();
			await expect(
				page.getByRole('cell', { name: t(lang, 'codebook.errors.name_required') })
			).toBeVisible();
			const good = `${header}\n${code},,${name.en},${name.fr},zebra; crossing,traverse\n`;
			await importForm.getByLabel(t(lang, 'codebook.file')).setInputFiles(file(good));
			await importForm.getByRole('button', { name: t(lang, 'codebook.check') }).click();
			await expect(
				page.getByText(t(lang, 'codebook.dry_run_result', { added: 1, updated: 0 }))
			).toBeVisible();
			await importForm.getByLabel(t(lang, 'codebook.file')).setInputFiles(file(good));
			await importForm.getByRole('button', { name: t(lang, 'codebook.import') }).click();
			await expect(
				page.getByText(t(lang, 'codebook.import_result', { added: 1, updated: 0 }))
			).toBeVisible();
			await expect(page.getByRole('link', { name: name[lang], exact: true })).toBeVisible();
			await expectNoAxeViolations(page);

			// Coding with the keyboard: the legend says which key gives which theme.
			await page.goto(paths.coding(lang, slug));
			await expect(
				page.getByRole('heading', { level: 1, name: t(lang, 'coding.title') })
			).toBeVisible();
			const parks = lang === 'en' ? 'Parks and green spaces' : 'Parcs et espaces verts';
			const legend = page.getByRole('region', { name: t(lang, 'coding.shortcuts') });
			const key = await legend
				.locator('dd', { hasText: t(lang, 'coding.key_theme', { theme: parks }) })
				.locator('xpath=preceding-sibling::dt[1]')
				.innerText();
			const crossingItem = page.getByRole('listitem').filter({ hasText: crossing });
			await crossingItem.focus();
			await page.keyboard.press(key);
			await expect(crossingItem).toHaveCount(0);
			const history = page.getByRole('table', { name: t(lang, 'coding.history') });
			await expect(history.getByRole('row').nth(1)).toContainText(parks);

			// Undo brings the answer back, uncoded.
			await page.keyboard.press('u');
			await expect(crossingItem).toBeVisible();
			await expect(history.getByRole('row').nth(1)).toContainText(t(lang, 'coding.was_undone'));

			// The same answer gets the new theme from its own form (no shortcut needed).
			await crossingItem
				.getByLabel(t(lang, 'coding.add_theme'))
				.selectOption({ label: name[lang] });
			await crossingItem.getByRole('button', { name: t(lang, 'coding.add'), exact: true }).click();
			await expect(crossingItem).toHaveCount(0);

			// A suggestion from the codebook's keywords, with a score; accept it.
			const rentItem = page.getByRole('listitem').filter({ hasText: rent });
			const housing = lang === 'en' ? 'Rent and housing costs' : 'Loyers et coût du logement';
			await expect(rentItem.getByText(new RegExp(`${housing}.*%`))).toBeVisible();
			await rentItem
				.getByRole('button', { name: t(lang, 'coding.accept_theme', { theme: housing }) })
				.click();
			await expect(rentItem).toHaveCount(0);
			await expectNoAxeViolations(page);

			// A priority area from the new theme: one mention, one person, traceable to the answer.
			await page.goto(paths.priorities(lang, slug));
			const form = page.getByRole('form', { name: t(lang, 'priorities.create_title') });
			await form.getByLabel(t(lang, 'priorities.name_en')).fill(`Safe crossings ${tag}`);
			await form.getByLabel(t(lang, 'priorities.name_fr')).fill(`Traverses sûres ${tag}`);
			await form.getByRole('checkbox', { name: name[lang] }).check();
			await form.getByRole('button', { name: t(lang, 'priorities.create') }).click();
			await expect(page.getByRole('heading', { level: 1 })).toContainText(tag);
			await expect(page.getByText(t(lang, 'priorities.mentions', { number: 1 }))).toBeVisible();
			await expect(page.getByText(t(lang, 'priorities.participants', { number: 1 }))).toBeVisible();
			// one person is under k: the quote is shown, its group is not
			await expect(page.getByText(t(lang, 'priorities.not_attributed', { k: 10 }))).toBeVisible();
			await expectNoAxeViolations(page);
			await page
				.getByRole('link', {
					name: t(lang, 'priorities.see_items', { theme: name[lang], number: 1 })
				})
				.click();
			await expect(page.getByRole('listitem').filter({ hasText: crossing })).toBeVisible();
			await expect(
				page.getByRole('heading', { name: t(lang, 'coding.queue_title', { number: 1 }) })
			).toBeVisible();
		});
	});
}

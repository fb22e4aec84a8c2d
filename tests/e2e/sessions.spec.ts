import { expect, test } from '@playwright/test';
import { demoCommunity, expectNoAxeViolations, langs, paths, signIn, t, unique } from './helpers';

const exact = { exact: true };

for (const lang of langs) {
	test.describe(`in ${lang}`, () => {
		test('@js a note taker types notes during a focus group without leaving the keyboard', async ({
			page
		}) => {
			await signIn(page, lang);
			await page.goto(paths.community(lang, demoCommunity.slug));
			await page.getByRole('link', { name: t(lang, 'sessions.title') }).click();
			await expect(page).toHaveURL(paths.sessions(lang, demoCommunity.slug));
			await page
				.getByRole('link', { name: new RegExp(t(lang, 'sessions.kinds.focus_group')) })
				.first()
				.click();
			await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);

			const box = page.getByLabel(t(lang, 'sessions.notes.text'), exact);
			const notes = page.getByRole('list', { name: t(lang, 'sessions.notes.title') });
			// Enter saves and leaves the cursor in an empty box for the next note.
			const summary = unique('More benches near the bus stop');
			await box.fill(summary);
			await box.press('Enter');
			await expect(notes.getByRole('listitem').first()).toContainText(summary);
			await expect(box).toBeFocused();
			await expect(box).toHaveValue('');

			// Alt+↓ picks the next prompt; Ctrl+Enter saves a quote; both stay for the next note.
			await box.press('Alt+ArrowDown');
			await expect(page.getByLabel(t(lang, 'sessions.notes.prompt'))).toHaveValue(/[0-9a-f-]{36}/);
			const quote = unique('On a besoin d’un marché');
			await box.fill(quote);
			await box.press('Control+Enter');
			const first = notes.getByRole('listitem').first();
			await expect(first).toContainText(quote);
			await expect(first).toContainText(t(lang, 'sessions.note_kinds.quote'));
			await expect(first).toContainText(t(lang, 'guides.prompt_number', { number: 1 }));
			await expect(box).toBeFocused();
			await expect(
				page.getByRole('status').filter({ hasText: t(lang, 'sessions.notes.saved') })
			).toBeVisible();
			await expectNoAxeViolations(page);

			// Notes typed elsewhere: checked first, then imported all at once.
			await page.getByRole('link', { name: t(lang, 'sessions.import.link') }).click();
			const imported = unique('Imported note');
			await page.getByLabel(t(lang, 'sessions.import.file')).setInputFiles({
				name: 'notes.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(`text,kind,prompt\n${imported},quote,2\n`)
			});
			await page.getByRole('button', { name: t(lang, 'sessions.import.check') }).click();
			await page
				.getByRole('button', { name: t(lang, 'sessions.import.import_all', { formatted: 1 }) })
				.click();
			await expect(page.getByRole('status')).toContainText(
				t(lang, 'sessions.import.imported_one', { formatted: 1 })
			);
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: t(lang, 'sessions.import.back') }).click();
			await expect(notes.getByRole('listitem').first()).toContainText(imported);

			// The guide behind the prompts.
			await page.goto(paths.guides(lang, demoCommunity.slug));
			await page
				.getByRole('link', { name: lang === 'en' ? 'Living in Vanier' : 'Vivre à Vanier' })
				.click();
			await expect(
				page.getByRole('form', { name: t(lang, 'guides.prompt_number', { number: 3 }) })
			).toBeVisible();
			await expectNoAxeViolations(page);
		});

		test('a session record: tally checked against attendance, then a note saved', async ({
			page
		}) => {
			await signIn(page, lang);
			await page.goto(paths.newSession(lang, demoCommunity.slug));
			await page
				.getByLabel(t(lang, 'sessions.kind'))
				.selectOption({ label: t(lang, 'sessions.kinds.meeting') });
			const place = unique('Library');
			await page.getByLabel(t(lang, 'sessions.place'), exact).fill(place);
			await page.getByLabel(t(lang, 'sessions.attendees'), exact).fill('5');
			const gender = page.getByRole('group', { name: t(lang, 'demographics.gender.label') });
			await gender.getByLabel(t(lang, 'demographics.gender.options.woman'), exact).fill('4');
			await gender.getByLabel(t(lang, 'demographics.gender.options.man'), exact).fill('3');
			await page.getByRole('button', { name: t(lang, 'sessions.create') }).click();

			// Too many people for one question: refused, explained, nothing lost.
			const summary = page.getByRole('alert');
			await expect(summary).toContainText(t(lang, 'sessions.errors.tally_exceeds'));
			await expect(page.getByLabel(t(lang, 'sessions.place'), exact)).toHaveValue(place);
			await expectNoAxeViolations(page);

			await gender.getByLabel(t(lang, 'demographics.gender.options.man'), exact).fill('1');
			await page.getByRole('button', { name: t(lang, 'sessions.create') }).click();
			await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
			await expect(page.getByText(place)).toBeVisible();

			const note = unique('Parents want a crossing guard');
			await page.getByLabel(t(lang, 'sessions.notes.text'), exact).fill(note);
			await page.getByRole('button', { name: t(lang, 'sessions.notes.save') }).click();
			await expect(
				page.getByRole('list', { name: t(lang, 'sessions.notes.title') }).getByRole('listitem')
			).toHaveText([new RegExp(note)]);
		});
	});
}

import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import {
	demoCommunity,
	expectNoAxeViolations,
	langs,
	newPhoneContext,
	paths,
	signIn,
	t,
	unique,
	type Lang
} from './helpers';

const slug = demoCommunity.slug;

/** Saves the vision form as it stands and reads the new version's number from the page. */
async function saveVersion(page: Page, lang: Lang): Promise<number> {
	const saved = page.waitForResponse((response) => response.url().includes('?/save'));
	await page.getByRole('button', { name: t(lang, 'vision.save') }).click();
	await saved;
	const status = page.getByRole('status').filter({ hasText: /\d/ });
	return Number(/(\d+)/.exec((await status.textContent()) ?? '')?.[1]);
}

/**
 * Makes sure the demo community has a published vision with an open endorsement round, as the
 * organizer in a browser of their own (the resident's test may run without JavaScript).
 */
async function ensurePublished(browser: Browser, lang: Lang): Promise<void> {
	const context = await newPhoneContext(browser, { javaScriptEnabled: true });
	const page = await context.newPage();
	await signIn(page, lang);
	await page.goto(paths.vision(lang, slug));
	if (!(await page.getByText(t(lang, 'vision.endorsement_open')).isVisible())) {
		await page.getByRole('button', { name: t(lang, 'vision.save') }).click();
		await expect(page.getByText(/\d/).and(page.getByRole('status'))).toBeVisible();
		const row = page.getByRole('row').nth(1);
		await row.getByRole('button').click();
		await expect(page.getByText(t(lang, 'vision.endorsement_open'))).toBeVisible();
	}
	await context.close();
}

/**
 * The text a PDF shows in its outline: Chromium writes one outline entry per heading, its title
 * a PDF string (UTF-16BE in hex, or literal). Streams are inflated first, in case any
 * dictionary sits in a compressed object stream.
 */
function pdfHeadings(pdf: Buffer): string[] {
	const raw = pdf.toString('latin1');
	const parts = [raw];
	for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
		try {
			parts.push(inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1'));
		} catch {
			// not a Flate stream (images, fonts stored otherwise)
		}
	}
	const titles: string[] = [];
	for (const part of parts)
		for (const [, hex, literal] of part.matchAll(
			/\/Title\s*(?:<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\))/g
		)) {
			if (hex !== undefined) {
				const bytes = Buffer.from(hex.replace(/\s/g, ''), 'hex');
				const body = bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes;
				titles.push(body.swap16().toString('utf16le'));
			} else titles.push(literal.replace(/\\(.)/g, '$1'));
		}
	return titles;
}

test.describe('shared vision', () => {
	test('organizer drafts, is refused a half-translated version, compares, publishes @js', async ({
		page
	}) => {
		const lang = 'en';
		const tag = unique('v');
		await signIn(page, lang);
		await page.goto(paths.community(lang, slug));
		await page.getByRole('link', { name: t(lang, 'vision.title') }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: t(lang, 'vision.title') })
		).toBeVisible();

		// A new goal in English only saves as a version, but cannot be published.
		const newGoal = page.getByRole('group', { name: t(lang, 'vision.new_goal') });
		await newGoal
			.getByLabel(t(lang, 'vision.fields.goal_en', { number: 3 }))
			.fill(`Food for all ${tag}`);
		const half = await saveVersion(page, lang);
		await page
			.getByRole('row', { name: new RegExp(`^${half}\\b`) })
			.getByRole('button', { name: t(lang, 'vision.publish', { number: half }) })
			.click();
		const summary = page.getByRole('alert');
		await expect(summary).toBeFocused();
		await expect(summary).toContainText(
			t(lang, 'errors.field_message', {
				label: t(lang, 'vision.fields.goal', { number: 3 }),
				message: t(lang, 'questionnaire_errors.translation_missing_fr')
			})
		);
		await expect(page.getByText(t(lang, 'vision.endorsement_open'))).toHaveCount(0);

		// Translated, it is a new version; the comparison shows the word added.
		await page
			.getByLabel(t(lang, 'vision.fields.goal_fr', { number: 3 }))
			.fill(`De quoi manger pour tous ${tag}`);
		const whole = await saveVersion(page, lang);
		expect(whole).toBe(half + 1);
		await page.getByLabel(t(lang, 'vision.compare_from')).selectOption(String(half - 1));
		await page.getByLabel(t(lang, 'vision.compare_to')).selectOption(String(whole));
		await page.getByRole('button', { name: t(lang, 'vision.compare') }).click();
		await expect(page.locator('ins').filter({ hasText: `Food for all ${tag}` })).toBeVisible();
		await expectNoAxeViolations(page);

		await page
			.getByRole('row', { name: new RegExp(`^${whole}\\b`) })
			.getByRole('button', { name: t(lang, 'vision.publish', { number: whole }) })
			.click();
		await expect(page.getByText(t(lang, 'vision.endorsement_open'))).toBeVisible();

		// A later draft never reaches the public page, in either language.
		await page.getByLabel(t(lang, 'vision.fields.statement_en')).fill(`Draft only ${tag}`);
		await saveVersion(page, lang);
		for (const other of langs) {
			await page.goto(paths.publicCommunity(other, slug));
			await expect(
				page.getByText(other === 'en' ? `Food for all ${tag}` : `De quoi manger pour tous ${tag}`)
			).toBeVisible();
			await expect(page.getByText(`Draft only ${tag}`)).toHaveCount(0);
			for (const section of ['priorities', 'vision', 'action'])
				await expect(
					page.getByRole('heading', { level: 2, name: t(other, `report.sections.${section}`) })
				).toBeVisible();
		}
		await expectNoAxeViolations(page);
	});

	for (const lang of langs) {
		test(`a resident endorses the vision, then changes their answers, in ${lang}`, async ({
			page,
			browser
		}) => {
			await ensurePublished(browser, lang);
			await page.goto(paths.publicCommunity(lang, slug));
			await page.getByRole('link', { name: t(lang, 'public_page.endorse') }).click();
			await expect(
				page.getByRole('heading', { name: t(lang, 'vision.endorse_title') })
			).toBeVisible();
			await expectNoAxeViolations(page);

			// Nothing chosen: refused, with the reason by the field.
			await page.getByRole('button', { name: t(lang, 'vision.send') }).click();
			await expect(page.getByRole('alert')).toContainText(t(lang, 'vision.errors.choose_answer'));

			const statement = page.getByRole('group', { name: t(lang, 'vision.fields.statement') });
			await statement.getByLabel(t(lang, 'vision.answers.agree'), { exact: true }).check();
			const goal = page.getByRole('group', { name: t(lang, 'vision.goal', { number: 1 }) });
			await goal.getByLabel(t(lang, 'vision.answers.partly'), { exact: true }).check();
			await page.getByLabel(t(lang, 'vision.comment_label')).fill('More benches by the river');
			await page.getByRole('button', { name: t(lang, 'vision.send') }).click();
			await expect(
				page.getByRole('heading', { name: t(lang, 'vision.thanks_title') })
			).toBeVisible();

			await page.getByRole('link', { name: t(lang, 'vision.change_answers') }).click();
			await expect(
				statement.getByLabel(t(lang, 'vision.answers.agree'), { exact: true })
			).toBeChecked();
			await statement.getByLabel(t(lang, 'vision.answers.disagree'), { exact: true }).check();
			await page.getByRole('button', { name: t(lang, 'vision.send_change') }).click();
			await expect(
				page.getByRole('heading', { name: t(lang, 'vision.changed_title') })
			).toBeVisible();
		});
	}

	test('the report prints to a PDF with its sections, its tables download as CSV @js', async ({
		page
	}) => {
		const lang = 'fr';
		await signIn(page, lang);
		await page.goto(paths.community(lang, slug));
		await page.getByRole('link', { name: t(lang, 'report.link') }).click();
		const sections = ['methods', 'participation', 'priorities', 'vision', 'action', 'endorsement'];
		for (const section of sections)
			await expect(
				page.getByRole('heading', { level: 2, name: t(lang, `report.sections.${section}`) })
			).toBeVisible();
		// two residents answered: fewer than k, so no count of them is shown
		await expect(page.getByText(t(lang, 'vision.responses_hidden', { k: 10 }))).toBeVisible();
		await expectNoAxeViolations(page);

		const download = page.waitForEvent('download');
		await page
			.getByRole('link', {
				name: t(lang, 'report.download_csv', { table: t(lang, 'report.tables.endorsement') })
			})
			.click();
		const csv = readFileSync(await (await download).path(), 'utf8');
		expect(csv.split('\r\n')[0]).toContain(t(lang, 'vision.answers.agree'));
		expect(csv).toContain(t(lang, 'report.suppressed', { k: 10 }));

		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		const pdf = await page.pdf({
			format: 'A4',
			outline: true,
			tagged: true,
			printBackground: true
		});
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const headings = pdfHeadings(pdf);
		for (const section of sections)
			expect(headings).toContain(t(lang, `report.sections.${section}`));
		expect(headings).not.toContain(t(lang, 'report.publish_figures'));
	});
});

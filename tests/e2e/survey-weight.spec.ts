import { expect, test } from '@playwright/test';
import { paths } from './helpers';

// The residents' pages ship no SvelteKit client: one small module enhances what the server
// rendered (bench/survey-page.js measures the whole budget). This fails as soon as a change
// brings the client runtime, i18next or the locale files back onto these pages.
const SLUG = 'vanier-2026';
/** the enhancement module as served (compressed); about 5 KB now */
const MAX_SCRIPT_BYTES = 8_000;

test.describe('the residents’ pages', { tag: '@js' }, () => {
	for (const url of [
		paths.survey('en', SLUG),
		paths.surveyKiosk('fr', SLUG),
		paths.surveyReceipt('fr', SLUG)
	]) {
		test(`${url} loads one small script and no client runtime`, async ({ page }) => {
			await page.goto(url, { waitUntil: 'networkidle' });
			const scripts = await page.evaluate(() =>
				performance
					.getEntriesByType('resource')
					.map((entry) => entry as PerformanceResourceTiming)
					.filter((entry) => entry.initiatorType === 'script' || /\.m?js$/.test(entry.name))
					.map((entry) => ({ path: new URL(entry.name).pathname, bytes: entry.encodedBodySize }))
			);
			expect(scripts.map((script) => script.path)).toEqual([
				expect.stringMatching(/^\/_app\/immutable\/assets\/enhance\.[\w-]+\.js$/)
			]);
			expect(scripts[0].bytes).toBeGreaterThan(0);
			expect(scripts[0].bytes).toBeLessThan(MAX_SCRIPT_BYTES);
			// No SvelteKit start-up code or data in the page either.
			const html = await page.content();
			expect(html).not.toContain('__sveltekit_');
			expect(html).not.toMatch(/_app\/immutable\/(entry|nodes|chunks)\//);
		});
	}
});

test('the vote page is plain forms: no script at all', { tag: '@js' }, async ({ page }) => {
	await page.goto('/fr/v/vanier-priorities', { waitUntil: 'networkidle' });
	const scripts = await page.evaluate(
		() =>
			performance
				.getEntriesByType('resource')
				.filter((entry) => /\.m?js$/.test(new URL(entry.name).pathname)).length
	);
	expect(scripts).toBe(0);
	expect(await page.content()).not.toContain('__sveltekit_');
	await expect(page.getByRole('button').first()).toBeVisible();
});

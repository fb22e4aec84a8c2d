import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, langs, newVisitor, otherLang, paths, t } from './helpers';

test.describe('the site root', () => {
	const cases = [
		{ header: 'fr-CA,fr;q=0.9,en;q=0.8', lang: 'fr' },
		{ header: 'en-CA,en;q=0.9,fr;q=0.8', lang: 'en' },
		{ header: 'de-DE,de;q=0.9,fr;q=0.5', lang: 'fr' },
		{ header: 'es', lang: 'en' }
	];
	for (const { header, lang } of cases) {
		test(`sends Accept-Language "${header}" to /${lang}`, async ({ request }) => {
			const response = await request.get('/', {
				headers: { 'accept-language': header },
				maxRedirects: 0
			});
			expect(response.status()).toBe(302);
			expect(response.headers()['location']).toBe(`/${lang}`);
		});
	}
});

for (const lang of langs) {
	const other = otherLang(lang);

	test.describe(`in ${lang}`, () => {
		test('the home page is in the right language and accessible', async ({ page, baseURL }) => {
			await page.goto(paths.home(lang));
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page).toHaveTitle(`${t(lang, 'home.title')} · ${t(lang, 'app.name')}`);
			await expect(
				page.getByRole('heading', { level: 1, name: t(lang, 'home.title') })
			).toBeVisible();
			await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
				'href',
				`${baseURL}/en`
			);
			await expect(page.locator('link[rel="alternate"][hreflang="fr"]')).toHaveAttribute(
				'href',
				`${baseURL}/fr`
			);
			await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute(
				'href',
				`${baseURL}/`
			);
			await expectNoAxeViolations(page);

			await page.getByRole('link', { name: t(lang, 'home.sign_in_cta') }).click();
			await expect(page).toHaveURL(paths.signIn(lang));
		});

		test('a page links to itself in the other language', async ({ page, baseURL }) => {
			await page.goto(paths.signIn(lang));
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.locator(`link[rel="alternate"][hreflang="${other}"]`)).toHaveAttribute(
				'href',
				`${baseURL}${paths.signIn(other)}`
			);

			const nav = page.getByRole('navigation', { name: t(lang, 'nav.label') });
			const toOther = nav.getByRole('link', { name: t(lang, 'nav.switch_language') });
			await expect(toOther).toHaveAttribute('hreflang', other);
			await expect(toOther).toHaveAttribute('lang', other);
			await toOther.click();

			await expect(page).toHaveURL(paths.signIn(other));
			await expect(page.locator('html')).toHaveAttribute('lang', other);
			await expect(
				page.getByRole('heading', { level: 1, name: t(other, 'auth.sign_in_title') })
			).toBeVisible();
		});

		test('an unknown address in a known language gives a 404 page', async ({ page }) => {
			const response = await page.goto(`/${lang}/no-such-page`);
			expect(response?.status()).toBe(404);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(
				page.getByRole('heading', { level: 1, name: t(lang, 'errors.not_found_title') })
			).toBeVisible();
			await expect(page.getByText(t(lang, 'errors.not_found_body'))).toBeVisible();
			await expectNoAxeViolations(page);

			await page.getByRole('link', { name: t(lang, 'errors.back_home') }).click();
			await expect(page).toHaveURL(paths.home(lang));
		});

		test('an unknown language gives a 404 page in the visitor’s language', async ({ browser }) => {
			const visitor = await newVisitor(browser, lang === 'fr' ? 'fr-CA' : 'en-CA');
			const { page } = visitor;
			const response = await page.goto('/de/anything');
			expect(response?.status()).toBe(404);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(
				page.getByRole('heading', { level: 1, name: t(lang, 'errors.not_found_title') })
			).toBeVisible();
			await expect(page).toHaveTitle(
				`${t(lang, 'errors.not_found_title')} · ${t(lang, 'app.name')}`
			);
			await expectNoAxeViolations(page);
			await visitor.context.close();
		});
	});
}

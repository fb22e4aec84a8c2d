import { expect, test } from '@playwright/test';
import {
	demoCommunity,
	demoOrganizer,
	expectNoAxeViolations,
	langs,
	paths,
	signIn,
	t,
	unique
} from './helpers';

for (const lang of langs) {
	test.describe(`in ${lang}`, () => {
		test('the sign-in page is accessible', async ({ page }) => {
			await page.goto(paths.signIn(lang));
			await expect(
				page.getByRole('heading', { level: 1, name: t(lang, 'auth.sign_in_title') })
			).toBeVisible();
			await expect(page.getByLabel(t(lang, 'auth.email'))).toHaveAttribute(
				'autocomplete',
				'username'
			);
			await expectNoAxeViolations(page);
		});

		test('an empty form asks for each field and stays accessible', async ({ page }) => {
			await page.goto(paths.signIn(lang));
			await page.getByRole('button', { name: t(lang, 'auth.sign_in') }).click();

			const summary = page.getByRole('alert');
			await expect(
				summary.getByRole('heading', { name: t(lang, 'errors.summary_title') })
			).toBeVisible();
			await expect(
				summary.getByRole('link', {
					name: t(lang, 'errors.field_message', {
						label: t(lang, 'auth.email'),
						message: t(lang, 'errors.required')
					})
				})
			).toBeVisible();
			for (const label of ['auth.email', 'auth.password']) {
				const field = page.getByLabel(t(lang, label), { exact: true });
				await expect(field).toHaveAttribute('aria-invalid', 'true');
				await expect(field).toHaveAccessibleDescription(t(lang, 'errors.required'));
			}
			await expectNoAxeViolations(page);
		});

		test('wrong credentials give the generic error and keep the email', async ({ page }) => {
			// An address of its own: failed attempts count per email, and the demo organizer must
			// not be rate-limited for the rest of the run.
			const email = `${unique('nobody')}@example.org`;
			await page.goto(paths.signIn(lang));
			await page.getByLabel(t(lang, 'auth.email')).fill(email);
			await page.getByLabel(t(lang, 'auth.password'), { exact: true }).fill('not the password');
			await page.getByRole('button', { name: t(lang, 'auth.sign_in') }).click();

			await expect(page.getByRole('alert')).toContainText(
				t(lang, 'auth.errors.invalid_credentials')
			);
			await expect(page).toHaveURL(paths.signIn(lang));
			await expect(page.getByLabel(t(lang, 'auth.email'))).toHaveValue(email);
			await expectNoAxeViolations(page);
		});

		test(
			'what is typed before the page’s script arrives is kept',
			{ tag: '@js' },
			async ({ page }) => {
				// A slow phone connection: the form is on screen well before it is hydrated.
				await page.route('**/_app/immutable/**', async (route) => {
					await new Promise((resolve) => setTimeout(resolve, 1500));
					await route.continue();
				});
				await page.goto(paths.signIn(lang), { waitUntil: 'commit' });
				const email = page.getByLabel(t(lang, 'auth.email'));
				await email.fill(demoOrganizer.email);
				await page.waitForLoadState('load');
				await page.waitForLoadState('networkidle');
				await expect(email).toHaveValue(demoOrganizer.email);
			}
		);

		test('the demo organizer signs in and sees their communities', async ({ page }) => {
			await signIn(page, lang);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			const link = page.getByRole('link', { name: demoCommunity.name[lang] });
			await expect(link).toBeVisible();
			await expect(page.getByRole('listitem').filter({ has: link })).toContainText(
				t(lang, 'roles.owner')
			);
			await expectNoAxeViolations(page);

			await page.getByRole('link', { name: demoCommunity.name[lang] }).click();
			await expect(page).toHaveURL(paths.community(lang, demoCommunity.slug));
			await expect(
				page.getByRole('heading', { level: 1, name: demoCommunity.name[lang] })
			).toBeVisible();
		});

		test('a signed-out visitor is sent to sign in, then back', async ({ page }) => {
			const target = paths.community(lang, demoCommunity.slug);
			await page.goto(target);
			await expect(page).toHaveURL(paths.signIn(lang, target));
			await page.getByLabel(t(lang, 'auth.email')).fill(demoOrganizer.email);
			await page.getByLabel(t(lang, 'auth.password'), { exact: true }).fill(demoOrganizer.password);
			await page.getByRole('button', { name: t(lang, 'auth.sign_in') }).click();
			await expect(page).toHaveURL(target);
			await expect(
				page.getByRole('heading', { level: 1, name: demoCommunity.name[lang] })
			).toBeVisible();
		});

		test('signing out ends the session', async ({ page }) => {
			await signIn(page, lang);
			const nav = page.getByRole('navigation', { name: t(lang, 'nav.label') });
			await nav.getByRole('button', { name: t(lang, 'nav.sign_out') }).click();

			await expect(page).toHaveURL(paths.home(lang));
			await expect(nav.getByRole('link', { name: t(lang, 'nav.sign_in') })).toBeVisible();
			await expect(nav.getByRole('button', { name: t(lang, 'nav.sign_out') })).toHaveCount(0);

			await page.goto(paths.communities(lang));
			await expect(page).toHaveURL(paths.signIn(lang, paths.communities(lang)));
		});
	});
}

import { expect, test, type Page } from '@playwright/test';
import {
	createCommunity,
	expectNoAxeViolations,
	type Lang,
	langs,
	newVisitor,
	paths,
	signIn,
	t,
	unique
} from './helpers';

/** From a community's page, opens its team page and invites an email with a role. */
async function invite(page: Page, lang: Lang, email: string, role: string): Promise<string> {
	await page.getByRole('link', { name: t(lang, 'team.title') }).click();
	await expect(page.getByRole('heading', { level: 1, name: t(lang, 'team.title') })).toBeVisible();
	const form = page.getByRole('form', { name: t(lang, 'team.invite_title') });
	await form.getByLabel(t(lang, 'auth.email')).fill(email);
	await form
		.getByLabel(t(lang, 'team.role'), { exact: true })
		.selectOption({ label: t(lang, `roles.${role}`) });
	await form.getByRole('button', { name: t(lang, 'team.invite') }).click();

	// The form is ready for the next invitation.
	await expect(form.getByLabel(t(lang, 'auth.email'))).toHaveValue('');

	const notice = page.getByRole('status');
	await expect(notice).toContainText(t(lang, 'team.invited', { email }));
	const link = (await notice.getByRole('code').textContent())?.trim() ?? '';
	expect(link).toMatch(new RegExp(`/${lang}/invite/[^/]+$`));
	return link;
}

for (const lang of langs) {
	test.describe(`in ${lang}`, () => {
		test('an invited person creates an account and joins the team', async ({ page, browser }) => {
			await signIn(page, lang);
			const community = await createCommunity(page, lang);
			const name = lang === 'en' ? community.nameEn : community.nameFr;
			const email = `${unique('analyst')}@example.org`;
			const link = await invite(page, lang, email, 'analyst');

			const pending = page.getByRole('listitem').filter({ hasText: email });
			await expect(pending).toContainText(t(lang, 'roles.analyst'));
			await expect(
				pending.getByRole('button', { name: t(lang, 'team.withdraw', { email }) })
			).toBeVisible();
			await expectNoAxeViolations(page);

			// The invited person opens the link on their own phone, signed out.
			const invited = await newVisitor(browser);
			const guest = invited.page;
			await guest.goto(link);
			await expect(guest.locator('html')).toHaveAttribute('lang', lang);
			await expect(
				guest.getByRole('heading', { level: 1, name: t(lang, 'invite.title', { community: name }) })
			).toBeVisible();
			await expect(
				guest.getByText(t(lang, 'invite.body', { community: name, role: t(lang, 'roles.analyst') }))
			).toBeVisible();
			await expect(guest.getByText(email)).toBeVisible();
			await expectNoAxeViolations(guest);

			// Passwords that differ are refused; the name typed is kept.
			const displayName = `Ada ${unique('member')}`;
			const password = 'correct horse battery staple';
			await guest.getByLabel(t(lang, 'auth.display_name')).fill(displayName);
			await guest.getByLabel(t(lang, 'auth.new_password')).fill(password);
			await guest.getByLabel(t(lang, 'auth.confirm_password')).fill(`${password}!`);
			await guest.getByRole('button', { name: t(lang, 'invite.create_and_join') }).click();
			const confirm = guest.getByLabel(t(lang, 'auth.confirm_password'));
			await expect(confirm).toHaveAttribute('aria-invalid', 'true');
			await expect(confirm).toHaveAccessibleDescription(t(lang, 'auth.errors.password_mismatch'));
			await expect(guest.getByLabel(t(lang, 'auth.display_name'))).toHaveValue(displayName);
			await expectNoAxeViolations(guest);

			await guest.getByLabel(t(lang, 'auth.new_password')).fill(password);
			await guest.getByLabel(t(lang, 'auth.confirm_password')).fill(password);
			await guest.getByRole('button', { name: t(lang, 'invite.create_and_join') }).click();
			await expect(guest).toHaveURL(paths.community(lang, community.slug));
			await expect(guest.getByRole('heading', { level: 1, name })).toBeVisible();
			await expect(guest.getByRole('definition').first()).toHaveText(t(lang, 'roles.analyst'));

			// The link works once.
			await guest.goto(link);
			await expect(guest.getByText(t(lang, 'invite.status_accepted'))).toBeVisible();

			// The new member signs out; a wrong password gets the generic answer, the right one works.
			const guestNav = guest.getByRole('navigation', { name: t(lang, 'nav.label') });
			await guestNav.getByRole('button', { name: t(lang, 'nav.sign_out') }).click();
			await expect(guest).toHaveURL(paths.home(lang));
			await guest.goto(paths.signIn(lang));
			await guest.getByLabel(t(lang, 'auth.email')).fill(email);
			await guest.getByLabel(t(lang, 'auth.password'), { exact: true }).fill('wrong password!');
			await guest.getByRole('button', { name: t(lang, 'auth.sign_in') }).click();
			await expect(guest.getByRole('alert')).toContainText(
				t(lang, 'auth.errors.invalid_credentials')
			);
			await expect(guest.getByLabel(t(lang, 'auth.email'))).toHaveValue(email);
			await signIn(guest, lang, { email, password });
			await expect(guest.getByRole('link', { name })).toBeVisible();
			await invited.context.close();

			// The inviter now sees the new member on the team, and no pending invitation.
			await page.goto(paths.team(lang, community.slug));
			const row = page.getByRole('row').filter({ hasText: email });
			await expect(row).toContainText(displayName);
			await expect(row.getByLabel(t(lang, 'team.role_for', { name: displayName }))).toHaveValue(
				'analyst'
			);
			await expect(page.getByRole('listitem').filter({ hasText: email })).toHaveCount(0);
			await expectNoAxeViolations(page);
		});

		test('the invitation link can be copied', { tag: '@js' }, async ({ page, context }) => {
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			await signIn(page, lang);
			await createCommunity(page, lang);
			const link = await invite(page, lang, `${unique('volunteer')}@example.org`, 'volunteer');

			await page.getByRole('button', { name: t(lang, 'team.copy_link') }).click();
			await expect(page.getByRole('button', { name: t(lang, 'team.copied') })).toBeVisible();
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
		});
	});
}

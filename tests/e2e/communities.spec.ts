import { expect, test } from '@playwright/test';
import {
	createCommunity,
	expectNoAxeViolations,
	langs,
	newCommunity,
	otherLang,
	paths,
	signIn,
	submitCommunityForm,
	t
} from './helpers';

for (const lang of langs) {
	const other = otherLang(lang);

	test.describe(`in ${lang}`, () => {
		test('an organizer creates a bilingual community', async ({ page }) => {
			await signIn(page, lang);
			await page.getByRole('link', { name: t(lang, 'communities.create') }).click();
			await expect(page).toHaveURL(paths.newCommunity(lang));
			await expect(
				page.getByRole('heading', { level: 1, name: t(lang, 'communities.create_title') })
			).toBeVisible();
			await expectNoAxeViolations(page);

			const community = await createCommunity(page, lang, {
				...newCommunity(),
				region: 'Gatineau'
			});
			const name = { en: community.nameEn, fr: community.nameFr };
			await expect(page.getByRole('heading', { level: 1, name: name[lang] })).toBeVisible();
			const facts = page.getByRole('definition');
			await expect(facts.filter({ hasText: t(lang, 'roles.owner') })).toBeVisible();
			await expect(facts.filter({ hasText: 'Gatineau' })).toBeVisible();
			await expect(facts.filter({ hasText: name[other] })).toHaveAttribute('lang', other);
			await expectNoAxeViolations(page);

			await page
				.getByRole('navigation', { name: t(lang, 'nav.label') })
				.getByRole('link', { name: t(lang, 'nav.my_communities') })
				.click();
			await expect(page.getByRole('link', { name: name[lang] })).toBeVisible();
		});

		test('a blank form shows each problem and keeps what was typed', async ({ page }) => {
			await signIn(page, lang);
			await submitCommunityForm(page, lang, { region: 'Orléans' });

			await expect(page).toHaveURL(paths.newCommunity(lang));
			const summary = page.getByRole('alert');
			await expect(
				summary.getByRole('heading', { name: t(lang, 'errors.summary_title') })
			).toBeVisible();
			for (const label of ['communities.name_en', 'communities.name_fr']) {
				await expect(
					summary.getByRole('link', {
						name: t(lang, 'errors.field_message', {
							label: t(lang, label),
							message: t(lang, 'errors.required')
						})
					})
				).toBeVisible();
				const field = page.getByLabel(t(lang, label));
				await expect(field).toHaveAttribute('aria-invalid', 'true');
				await expect(field).toHaveAccessibleDescription(t(lang, 'errors.required'));
			}
			await expect(page.getByLabel(t(lang, 'communities.region'))).toHaveValue('Orléans');
			await expectNoAxeViolations(page);

			// A web name that is already used is reported on its field, and the names are kept.
			const community = newCommunity();
			await submitCommunityForm(page, lang, { ...community, slug: 'vanier' });
			await expect(page).toHaveURL(paths.newCommunity(lang));
			const slug = page.getByLabel(t(lang, 'communities.slug'));
			await expect(slug).toHaveAttribute('aria-invalid', 'true');
			await expect(slug).toHaveAccessibleDescription(
				`${t(lang, 'communities.slug_hint')} ${t(lang, 'communities.errors.slug_taken')}`
			);
			await expect(page.getByLabel(t(lang, 'communities.name_en'))).toHaveValue(community.nameEn);
			await expect(page.getByLabel(t(lang, 'communities.name_fr'))).toHaveValue(community.nameFr);
			await expectNoAxeViolations(page);
		});
	});
}

import { expect, test } from '@playwright/test';
import { demoCommunity, expectNoAxeViolations, paths, signIn, t, unique } from './helpers';

const SAMPLE = 'tests/fixtures/deprivation/deprivation_sample.csv';
const DEMO_AREA = {
	en: 'Affordable, well-kept homes',
	fr: 'Des logements abordables et bien entretenus'
};
const DEMO_INDICATOR = { en: 'Repair requests resolved', fr: 'Demandes de réparation réglées' };

test('@js an action team shows its missing sectors, an indicator its values, and an update is published only in both languages', async ({
	page
}) => {
	const lang = 'en';
	await signIn(page, lang);
	await page.goto(paths.community(lang, demoCommunity.slug));
	await page.getByRole('link', { name: t(lang, 'actions.title') }).click();
	await page.getByRole('link', { name: DEMO_AREA.en }).click();

	const missing = page.getByRole('note');
	await expect(missing).toContainText(t(lang, 'actions.sectors.research'));
	await page.getByLabel(t(lang, 'actions.fields.name'), { exact: true }).fill('Dr. Chen');
	await page.getByLabel(t(lang, 'actions.fields.sector')).selectOption('research');
	await page.getByRole('button', { name: t(lang, 'actions.add_member') }).click();
	await expect(page.getByRole('row', { name: /Dr\. Chen/ })).toBeVisible();
	await expect(missing).not.toContainText(t(lang, 'actions.sectors.research'));
	await expect(missing).toContainText(t(lang, 'actions.sectors.media'));

	// a draft missing its French "we did" is refused, naming the field
	const update = page.locator('form[action="?/saveUpdate"]').last();
	await update
		.getByLabel(`${t(lang, 'actions.fields.youSaid')} (${t(lang, 'languages.en')})`)
		.fill('The park is unsafe at night');
	await update
		.getByLabel(`${t(lang, 'actions.fields.youSaid')} (${t(lang, 'languages.fr')})`)
		.fill('Le parc est dangereux la nuit');
	await update
		.getByLabel(`${t(lang, 'actions.fields.weDid')} (${t(lang, 'languages.en')})`)
		.fill('New lights in the park');
	await update.getByRole('button', { name: t(lang, 'actions.publish_update') }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText(
		`${t(lang, 'actions.fields.weDid')} (${t(lang, 'languages.fr')})`
	);
	const retry = page.locator('form[action="?/saveUpdate"]').last();
	await retry
		.getByLabel(`${t(lang, 'actions.fields.weDid')} (${t(lang, 'languages.fr')})`)
		.fill('De nouveaux lampadaires au parc');
	await retry.getByRole('button', { name: t(lang, 'actions.publish_update') }).click();
	await expect(page.getByRole('status')).toHaveText(t(lang, 'actions.published'));
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: DEMO_INDICATOR.en }).click();
	const values = page.getByRole('table', {
		name: t(lang, 'actions.values_caption', { name: DEMO_INDICATOR.en })
	});
	await expect(values.getByRole('row')).toHaveCount(4);
	await expect(page.locator('.chart canvas')).toBeVisible();
	await page.getByLabel(t(lang, 'actions.fields.measuredOn')).fill('2026-12-31');
	await page.getByLabel(t(lang, 'actions.fields.value'), { exact: true }).fill('45');
	await page.getByRole('button', { name: t(lang, 'actions.record_value') }).click();
	await expect(values.getByRole('row')).toHaveCount(5);
	await expect(page.getByText(t(lang, 'actions.progress', { share: '75%' }))).toBeVisible();
	await expectNoAxeViolations(page);

	// the same pages in French
	await page.goto(paths.actions('fr', demoCommunity.slug));
	await page.getByRole('link', { name: DEMO_AREA.fr }).click();
	await expect(page.getByRole('heading', { name: t('fr', 'actions.team_title') })).toBeVisible();
	await expect(page.getByRole('note')).toContainText(t('fr', 'actions.sectors.media'));
	await expectNoAxeViolations(page);
});

test('@js a deprivation file is checked, imported, ranked and turned into a community', async ({
	page
}) => {
	const lang = 'fr';
	await signIn(page, lang);
	await page.getByRole('link', { name: t(lang, 'areas.title') }).click();

	// a broken file is refused, naming its line and column
	await page.getByLabel(t(lang, 'areas.file')).setInputFiles({
		name: 'broken.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('DAUID,SCOREMAT\n12010030,0.5\n1201,0.1\n')
	});
	await page.getByRole('button', { name: t(lang, 'areas.dry_run') }).click();
	const problems = page.getByRole('table', { name: t(lang, 'areas.problems_caption') });
	await expect(problems.getByRole('row', { name: /3 DAUID/ })).toContainText(
		t(lang, 'areas.errors.bad_dauid')
	);

	await page.getByLabel(t(lang, 'areas.file')).setInputFiles(SAMPLE);
	await page.getByRole('button', { name: t(lang, 'areas.dry_run') }).click();
	await expect(page.getByRole('status')).toContainText(
		t(lang, 'areas.dry_run_ok', { file: 'deprivation_sample.csv', count: '135' })
	);
	await page.getByLabel(t(lang, 'areas.file')).setInputFiles(SAMPLE);
	await page.getByRole('button', { name: t(lang, 'areas.import'), exact: true }).click();
	await expect(page.getByText(t(lang, 'areas.computed_quintiles'))).toBeVisible();

	await page.getByLabel(t(lang, 'areas.rank_by')).selectOption('economic_dependency');
	await page.getByLabel(t(lang, 'areas.min_quintile')).selectOption('5');
	await page.getByRole('button', { name: t(lang, 'areas.apply') }).click();
	await expect(
		page.getByText(t(lang, 'areas.matching', { count: '27', shown: '27' }))
	).toBeVisible();
	await expectNoAxeViolations(page);

	const rows = page
		.getByRole('table', { name: t(lang, 'areas.table_caption') })
		.locator('tbody tr');
	const first = (await rows.first().getByRole('rowheader').textContent())!.trim();
	await page
		.getByLabel(t(lang, 'areas.note_for', { code: first }))
		.fill('Association de locataires active');
	await rows
		.first()
		.getByRole('button', { name: t(lang, 'areas.save_note') })
		.click();
	await expect(page.getByText(t(lang, 'areas.note_saved'))).toBeVisible();

	await page.getByLabel(t(lang, 'areas.choose', { code: first })).check();
	const name = unique('Nord');
	await page.getByLabel(t(lang, 'communities.name_en')).fill(name);
	await page.getByLabel(t(lang, 'communities.name_fr')).fill(name);
	await page.getByRole('button', { name: t(lang, 'areas.create') }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await page.getByRole('link', { name: t(lang, 'areas.community_areas_title') }).click();
	await expect(page.getByRole('row', { name: new RegExp(first) })).toContainText(
		'Association de locataires active'
	);

	// the comparison page, in English, lists both communities
	await page.goto(paths.compareCommunities('en'));
	await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
	await expect(page.getByRole('row', { name: new RegExp(demoCommunity.name.en) })).toBeVisible();
	await expectNoAxeViolations(page);
});

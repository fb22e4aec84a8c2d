import {
	expect,
	request,
	test,
	type APIRequestContext,
	type Browser,
	type Page
} from '@playwright/test';
import {
	demoCommunity,
	expectNoAxeViolations,
	paths,
	signIn,
	t,
	unique,
	newVisitor,
	type Lang
} from './helpers';

/** The demo community's open dot-voting round (see seed-demo-round.ts): 5 dots, at most 3 on one. */
const demoRound = {
	slug: 'vanier-priorities',
	housing: 'Affordable housing',
	parks: 'Parks and green spaces'
};
const labels = [
	{ en: 'Bike lanes', fr: 'Pistes cyclables' },
	{ en: 'Library hours', fr: 'Heures de la bibliothèque' },
	{ en: 'Street trees', fr: 'Arbres de rue' }
];

/** Someone new on another phone posting straight to the server (no page): same origin as the app. */
async function phone(): Promise<APIRequestContext> {
	const baseURL = test.info().project.use.baseURL!;
	return request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
}

/**
 * A round set up through the organizer's own form actions (signed in on a page of their own),
 * opened, for the residents' tests.
 */
async function openRound(browser: Browser, method: string, settings: Record<string, string> = {}) {
	const { context, page } = await newVisitor(browser);
	await signIn(page, 'en');
	const organizer = page.request;
	// a browser's form post: the origin checked against cross-site posts, an HTML answer
	const origin = { origin: test.info().project.use.baseURL!, accept: 'text/html' };
	const slug = unique('vote');
	const created = await organizer.post(`${paths.votes('en', demoCommunity.slug)}?/create`, {
		form: { 'title.en': `Vote ${slug}`, 'title.fr': `Vote ${slug}`, slug, method },
		headers: origin,
		maxRedirects: 0
	});
	const roundPage = created.headers()['location'];
	expect(roundPage).toContain('/votes/');
	const post = (action: string, form: Record<string, string>) =>
		organizer.post(`${roundPage}?/${action}`, { form, headers: origin, maxRedirects: 0 });
	await post('settings', {
		'title.en': `Vote ${slug}`,
		'title.fr': `Vote ${slug}`,
		'question.en': 'What matters most?',
		'question.fr': 'Qu’est-ce qui compte le plus ?',
		...settings
	});
	for (const label of labels)
		await post('addOption', { 'label.en': label.en, 'label.fr': label.fr });
	expect((await post('status', { action: 'open' })).status()).toBe(200);
	await context.close();
	return slug;
}

async function expectReceipt(page: Page, lang: Lang, title: string, listed: string[]) {
	await expect(page.getByRole('heading', { level: 2, name: t(lang, title) })).toBeVisible();
	for (const label of listed)
		await expect(page.getByRole('listitem').filter({ hasText: label })).toBeVisible();
}

test('a resident places dots with the steppers, is refused too many on one, and changes the ballot', async ({
	page
}) => {
	const lang = 'en';
	await page.goto(paths.vote(lang, demoRound.slug));
	const more = (option: string) =>
		page.getByRole('button', { name: t(lang, 'voting.resident.more', { option }) });
	// Typed straight in, four dots on one option: over the cap of three, refused, nothing saved.
	await page.getByLabel(demoRound.housing, { exact: true }).fill('4');
	await page.getByRole('button', { name: t(lang, 'voting.resident.send') }).click();
	await expect(page.getByRole('alert')).toContainText(t(lang, 'voting.errors.over_cap'));
	await page.getByLabel(demoRound.housing, { exact: true }).fill('0');
	await more(demoRound.housing).click();
	await more(demoRound.housing).click();
	await more(demoRound.parks).click();
	await expect(page.getByText(t(lang, 'voting.resident.dots_left', { count: 2 }))).toBeVisible();
	await page.getByText(t(lang, 'voting.resident.profile_title')).click();
	await page.getByLabel(t(lang, 'demographics.age_group.prompt')).selectOption('25_34');
	await page.getByRole('button', { name: t(lang, 'voting.resident.send') }).click();
	await expectReceipt(page, lang, 'voting.resident.recorded_title', [
		t(lang, 'voting.resident.dots_on', { option: demoRound.housing, count: 2 })
	]);
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: t(lang, 'voting.resident.change') }).click();
	await expect(page.getByLabel(demoRound.housing, { exact: true })).toHaveValue('2');
	await more(demoRound.parks).click();
	await page.getByRole('button', { name: t(lang, 'voting.resident.send_change') }).click();
	await expectReceipt(page, lang, 'voting.resident.changed_title', [
		t(lang, 'voting.resident.dots_on', { option: demoRound.parks, count: 2 })
	]);
});

test('in French, a resident ranks, approves, and answers pairs one at a time with a skip', async ({
	page,
	browser
}) => {
	const lang = 'fr';
	const [ranking, approval, pairwise] = [
		await openRound(browser, 'ranking', { 'settings.top': '2' }),
		await openRound(browser, 'approval'),
		await openRound(browser, 'pairwise')
	];

	await page.goto(paths.vote(lang, ranking));
	await page
		.getByLabel(labels[2].fr)
		.selectOption({ label: t(lang, 'voting.resident.place', { place: 1 }) });
	await page
		.getByLabel(labels[0].fr)
		.selectOption({ label: t(lang, 'voting.resident.place', { place: 2 }) });
	await page.getByRole('button', { name: t(lang, 'voting.resident.send') }).click();
	await expectReceipt(page, lang, 'voting.resident.recorded_title', [labels[2].fr, labels[0].fr]);
	await expect(page.getByRole('listitem').first()).toHaveText(labels[2].fr);

	await page.goto(paths.vote(lang, approval));
	await page.getByLabel(labels[1].fr, { exact: true }).check();
	await page.getByRole('button', { name: t(lang, 'voting.resident.send') }).click();
	await expectReceipt(page, lang, 'voting.resident.recorded_title', [labels[1].fr]);

	await page.goto(paths.vote(lang, pairwise));
	const pair = page.getByRole('group', { name: t(lang, 'voting.resident.which_matters') });
	await expect(pair.getByRole('button')).toHaveCount(2);
	await expectNoAxeViolations(page);
	await pair.getByRole('button').first().click();
	await expect(page.getByText(t(lang, 'voting.resident.pair_saved'))).toBeVisible();
	await page.getByRole('link', { name: t(lang, 'voting.resident.skip') }).click();
	await pair.getByRole('button').last().click();
	await expect(
		page.getByText(t(lang, 'voting.resident.pairs_answered', { count: 2 }))
	).toBeVisible();
});

test('the organizer sets up a round, and sees its results with ranges and groups @js', async ({
	page
}) => {
	const lang = 'en';
	await signIn(page, lang);
	await page.goto(paths.votes(lang, demoCommunity.slug));
	const slug = unique('vote');
	await page.getByLabel(t(lang, 'voting.title_en')).fill('Which projects?');
	await page.getByLabel(t(lang, 'voting.slug')).fill(slug);
	await page.getByLabel(t(lang, 'voting.method')).selectOption('approval');
	await page.getByRole('button', { name: t(lang, 'voting.create') }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Which projects?' })).toBeVisible();

	// Opening is refused, naming what is missing in which language.
	await page.getByRole('button', { name: t(lang, 'voting.actions.open') }).click();
	await expect(page.getByText(t(lang, 'voting.open_problems.too_few_options'))).toBeVisible();

	const settings = page.locator('form[action="?/settings"]');
	await settings.getByLabel(t(lang, 'voting.title_fr')).fill('Quels projets ?');
	await settings.getByLabel(t(lang, 'voting.question_en')).fill('Which should come first?');
	await settings.getByLabel(t(lang, 'voting.question_fr')).fill('Lesquels d’abord ?');
	await settings.getByRole('button', { name: t(lang, 'voting.save_settings') }).click();
	await expect(page.getByRole('status').filter({ hasText: t(lang, 'voting.saved') })).toBeVisible();
	const add = page.locator('form[action="?/addOption"]');
	for (const label of labels.slice(0, 2)) {
		await add.getByLabel(t(lang, 'voting.label_en')).fill(label.en);
		await add.getByLabel(t(lang, 'voting.label_fr')).fill(label.fr);
		await add.getByRole('button', { name: t(lang, 'voting.add_option') }).click();
		await expect(
			page.getByLabel(t(lang, 'voting.label_en')).and(page.locator(`[value="${label.en}"]`))
		).toHaveCount(1);
	}
	await page.getByRole('button', { name: t(lang, 'voting.actions.open') }).click();
	await expect(page.getByText(t(lang, 'voting.status_saved.open'))).toBeVisible();
	await expectNoAxeViolations(page);

	// Twelve phones vote: enough people (k = 10) for results to show.
	const voteAddress = paths.vote(lang, slug);
	const votePage = await page.request.get(voteAddress);
	const ids = [...(await votePage.text()).matchAll(/name="mark\.([0-9a-f-]{36})"/g)].map(
		(m) => m[1]
	);
	expect(ids).toHaveLength(2);
	for (let i = 0; i < 12; i++) {
		const someone = await phone();
		const form: Record<string, string> = { [`mark.${ids[0]}`]: 'on' };
		if (i % 3 === 0) form[`mark.${ids[1]}`] = 'on';
		expect((await someone.post(`${voteAddress}?/cast`, { form })).status()).toBe(200);
		await someone.dispose();
	}

	await page.getByRole('link', { name: t(lang, 'voting.results_link') }).click();
	await expect(page.getByText(t(lang, 'voting.results.ballots', { number: 12 }))).toBeVisible();
	const table = page.getByRole('region', { name: t(lang, 'voting.results.scores_title') });
	await expect(table.getByRole('row').filter({ hasText: labels[0].en })).toContainText('12');
	// four supporters: fewer than k, so their number is hidden
	await expect(table.getByRole('row').filter({ hasText: labels[1].en })).toContainText(
		t(lang, 'results.fewer_than', { k: 10 })
	);
	await expect(page.locator('canvas').first()).toBeVisible();
	await expectNoAxeViolations(page);
});

test('in French, the organizer weights the demo round on gender and sees places move @js', async ({
	page
}) => {
	const lang = 'fr';
	// Fifteen phones vote on the demo round at once: 10 men put 3 dots on housing and 2 on safer
	// streets, 5 women 3 on parks and 2 on housing. Weighted to the census (about as many women
	// as men), parks passes safer streets.
	const reader = await phone();
	const html = await (await reader.get(paths.vote('en', demoRound.slug))).text();
	await reader.dispose();
	const idOf = new Map(
		[...html.matchAll(/for="mark\.([0-9a-f-]{36})"[^>]*>\s*([^<]+?)\s*</g)].map((m) => [m[2], m[1]])
	);
	const [housing, streets, parks] = [
		demoRound.housing,
		'Safer streets and crossings',
		demoRound.parks
	].map((label) => `mark.${idOf.get(label)}`);
	const voteAddress = paths.vote(lang, demoRound.slug);
	await Promise.all(
		Array.from({ length: 15 }, async (_, i) => {
			const someone = await phone();
			const form =
				i < 10
					? { [housing]: '3', [streets]: '2', 'profile.gender': 'man' }
					: { [parks]: '3', [housing]: '2', 'profile.gender': 'woman' };
			expect((await someone.post(`${voteAddress}?/cast`, { form })).status()).toBe(200);
			await someone.dispose();
		})
	);

	await signIn(page, lang);
	await page.goto(paths.votes(lang, demoCommunity.slug));
	await page.getByRole('link', { name: 'Priorités de Vanier 2026' }).click();
	await page.getByRole('link', { name: t(lang, 'voting.results_link') }).click();
	await page.getByRole('checkbox', { name: t(lang, 'demographics.gender.label') }).check();
	await page.getByRole('button', { name: t(lang, 'weighting.apply') }).click();
	const weighted = page.getByRole('region', { name: t(lang, 'weighted_votes.title') });
	await expect(
		weighted.getByRole('row').filter({ hasText: 'Parcs et espaces verts' })
	).toContainText(t(lang, 'weighted_votes.up', { count: 1 }));
	await expect(
		weighted.getByRole('row').filter({ hasText: 'Rues et traverses plus sûres' })
	).toContainText(t(lang, 'weighted_votes.down', { count: 1 }));
	await expect(page).toHaveURL(/weight=gender/);
	await expectNoAxeViolations(page);
});

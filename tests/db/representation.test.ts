import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReceiptCode } from '../../src/lib/domain/responses/receipt';
import { noFilter } from '../../src/lib/domain/results/filters';
import { seedDemo } from '../../src/lib/server/db/seed-demo';
import type { Db } from '../../src/lib/server/db/types';
import { loadQuestionnaire } from '../../src/lib/server/questionnaires/load-questionnaire';
import { questionsOf } from '../../src/lib/server/questionnaires/questionnaire-results';
import { submitResponse } from '../../src/lib/server/questionnaires/submit-response';
import {
	respondentWeights,
	weightedResults
} from '../../src/lib/server/questionnaires/weighted-results';
import { listPopulationBaselines } from '../../src/lib/server/representation/list-population-baselines';
import { participantCounts } from '../../src/lib/server/representation/participant-counts';
import { representationDashboard } from '../../src/lib/server/representation/representation-dashboard';
import { setRepresentationThreshold } from '../../src/lib/server/representation/set-representation-threshold';
import { as, asServiceRole, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const DEMO = '00000000-0000-4000-8000-000000000100';
const DEMO_COMMUNITY = '00000000-0000-4000-8000-000000000001';
const K = 10;
const Q = (n: number) => `00000000-0000-4000-8000-000000000${n}`;

/**
 * Sixty residents: 15 answer in French, 45 in English; 50 online, 6 on paper, 4 at a kiosk;
 * ages 30 × 25–34, 20 × 35–44, 4 × 65–74, 6 unanswered; every third one rents (20), and
 * exactly the renters answer yes to Q116.
 */
function answersOf(i: number) {
	const language: 'en' | 'fr' = i < 15 ? 'fr' : 'en';
	const renter = i % 3 === 0;
	const age = i < 30 ? '25_34' : i < 50 ? '35_44' : i < 54 ? '65_74' : null;
	return {
		language,
		channel: i < 50 ? ('online' as const) : i < 56 ? ('paper' as const) : ('kiosk' as const),
		answers: {
			[Q(111)]: 'over_10',
			[Q(112)]: String((i % 5) + 1),
			[Q(113)]: String(i % 11),
			[Q(114)]: ['parks'],
			[Q(115)]: ['housing', 'safety', 'green'],
			[Q(116)]: renter ? 'yes' : 'no',
			[Q(118)]: String((i % 4) + 1),
			...(age ? { [Q(121)]: age } : {}),
			[Q(122)]: language === 'fr' ? 'french' : 'english',
			[Q(123)]: renter ? 'renter' : 'owner'
		}
	};
}

describe.each(drivers)('representation and weighting on %s', (driver) => {
	let db: Db;
	let ownerId: string;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await seedDemo(db, 'a-demo-password');
		// the demo focus group's attendees count too (tests/db/sessions.test.ts); these figures are
		// about questionnaire responses alone
		await db.query('delete from public.listening_sessions where community_id = $1', [
			DEMO_COMMUNITY
		]);
		const [owner] = await db.query<{ user_id: string }>(
			`select user_id from public.memberships where community_id = $1 and role = 'owner'`,
			[DEMO_COMMUNITY]
		);
		ownerId = owner.user_id;
		await db.query(
			`insert into public.memberships (community_id, user_id, role)
			values ($1, $2, 'volunteer'), ($1, $3, 'analyst'), ($1, $4, 'organizer')`,
			[DEMO_COMMUNITY, people.volunteerA, people.analystA, people.organizerA]
		);
		// The demo seed may bring baselines of its own; these tests use known ones.
		await asServiceRole(db, async (tx) => {
			await tx.query(`delete from public.population_baselines where community_id = $1`, [
				DEMO_COMMUNITY
			]);
			await tx.query(
				`insert into public.population_baselines (community_id, dimension, counts, source) values
				($1, 'housing_tenure', '{"owner": 400, "renter": 600}', 'manual'),
				($1, 'first_official_language', '{"english": 500, "french": 450, "both": 100, "neither": 50}', 'manual'),
				($1, 'age_group', '{"15_24": 100, "25_34": 200, "35_44": 200, "45_54": 200, "55_64": 100, "65_74": 100, "75_plus": 100}', 'manual')`,
				[DEMO_COMMUNITY]
			);
		});
		const before = await db.query<{ n: number }>(
			`select count(*)::int as n from public.responses where questionnaire_id = $1`,
			[DEMO]
		);
		expect(before[0].n).toBe(0);
		for (let i = 0; i < 60; i++) {
			const { language, channel, answers } = answersOf(i);
			const result = await as(db, null, async (tx) => {
				const loaded = await loadQuestionnaire(tx, { id: DEMO });
				return submitResponse(tx, loaded!, {
					responseId: crypto.randomUUID(),
					receipt: newReceiptCode(),
					channel,
					language,
					answers
				});
			});
			expect(result).toMatchObject({ ok: true });
		}
	}, 120_000);
	afterAll(() => db.close());

	it('counts participants in SQL by channel, language and demographic answer', async () => {
		const counts = await as(db, ownerId, (tx) => participantCounts(tx, DEMO_COMMUNITY));
		const total = (pick: (r: (typeof counts.totals)[number]) => boolean) =>
			counts.totals.filter(pick).reduce((s, r) => s + r.participants, 0);
		expect(total(() => true)).toBe(60);
		expect(total((r) => r.language === 'fr')).toBe(15);
		expect(total((r) => r.channel === 'kiosk')).toBe(4);
		const tenure = counts.demographics.filter((r) => r.dimension === 'housing_tenure');
		expect(tenure.reduce((s, r) => s + (r.value === 'renter' ? r.participants : 0), 0)).toBe(20);
		const paper = await as(db, ownerId, (tx) =>
			participantCounts(tx, DEMO_COMMUNITY, { channel: 'paper', questionnaireId: DEMO })
		);
		expect(paper.totals.reduce((s, r) => s + r.participants, 0)).toBe(6);
	});

	it('volunteers and outsiders are not shown who took part', async () => {
		for (const who of [people.volunteerA, people.outsider]) {
			const outcome = await as(db, who, (tx) => representationDashboard(tx, DEMO_COMMUNITY, {}));
			expect(outcome).toEqual({ allowed: false });
			const counts = await as(db, who, (tx) => participantCounts(tx, DEMO_COMMUNITY));
			expect(counts.totals).toEqual([]);
		}
	});

	it('the dashboard shows ratios, flags and exact outreach targets, small cells hidden', async () => {
		for (const who of [ownerId, people.organizerA, people.analystA]) {
			const outcome = await as(db, who, (tx) => representationDashboard(tx, DEMO_COMMUNITY, {}));
			if (!outcome.allowed || !outcome.dashboard.shown) throw new Error('not shown');
			const { dashboard } = outcome;
			expect(dashboard.participants).toBe(60);
			expect(dashboard.threshold).toBe(0.8);
			const tenure = dashboard.dimensions.find((d) => d.key === 'housing_tenure')!;
			const renter = tenure.groups.find((g) => g.value === 'renter')!;
			if (renter.suppressed) throw new Error('renters hidden');
			// 20/60 of participants against 60 % of the population
			expect(renter.ratio).toBeCloseTo(1 / 3 / 0.6, 9);
			expect(renter.flagged).toBe(true);
			// (20 + x)/(60 + x) ≥ .48 → x ≥ 16.92
			expect(renter.needed).toBe(17);
			// Language: French 15/60 against (450 + 50)/1050; (15 + x)/(60 + x) ≥ .381 → 13
			const fr = dashboard.language.groups.find((g) => g.value === 'fr')!;
			if (fr.suppressed) throw new Error('fr hidden');
			expect(fr.ratio).toBeCloseTo(0.25 / (500 / 1050), 9);
			expect(fr.needed).toBe(13);
			// Suppression: 4 aged 65–74 and 6 unanswered are both under k, so both are hidden.
			const age = dashboard.dimensions.find((d) => d.key === 'age_group')!;
			const old = age.groups.find((g) => g.value === '65_74')!;
			expect(old.suppressed).toBe(true);
			expect(JSON.stringify(old)).not.toMatch(/"participants"|"ratio"/);
			expect(age.unanswered).toEqual({ count: null, suppressed: true });
			// Go Vocal's index is 0 (nobody aged 15–24); similarity is not.
			expect(age.minMaxRatio).toEqual({ value: 0, hidden: false });
			expect(age.similarity).toBeGreaterThan(0);
			// Channels: 6 on paper and 4 at a kiosk are both hidden.
			const channels = Object.fromEntries(dashboard.channels.map((c) => [c.channel, c.count]));
			expect(channels).toMatchObject({ online: 50, paper: null, kiosk: null });
		}
	});

	it('a filtered dashboard under k shows nothing', async () => {
		const outcome = await as(db, ownerId, (tx) =>
			representationDashboard(tx, DEMO_COMMUNITY, { channel: 'paper' })
		);
		expect(outcome).toMatchObject({
			allowed: true,
			dashboard: { shown: false, participants: null }
		});
	});

	it('owners set the threshold; organizers cannot, and the database refuses a bad one', async () => {
		expect(
			await as(db, people.organizerA, (tx) => setRepresentationThreshold(tx, DEMO_COMMUNITY, 0.5))
		).toBe('not_owner');
		expect(await as(db, ownerId, (tx) => setRepresentationThreshold(tx, DEMO_COMMUNITY, 0.9))).toBe(
			'updated'
		);
		await expect(
			as(db, ownerId, (tx) => setRepresentationThreshold(tx, DEMO_COMMUNITY, 1.5))
		).rejects.toThrow(/check/);
		const outcome = await as(db, ownerId, (tx) => representationDashboard(tx, DEMO_COMMUNITY, {}));
		expect(outcome.allowed && outcome.threshold).toBe(0.9);
		await as(db, ownerId, (tx) => setRepresentationThreshold(tx, DEMO_COMMUNITY, 0.8));
	});

	it('anonymous visitors cannot change the threshold', async () => {
		await expect(
			as(db, null, (tx) => tx.query(`update public.communities set representation_threshold = 0.5`))
		).rejects.toThrow(DENIED);
	});

	it('rakes respondents to the census margins and weights the results beside the raw ones', async () => {
		const questions = questionsOf(
			(await as(db, ownerId, (tx) => loadQuestionnaire(tx, { id: DEMO })))!.definition
		);
		const baselines = await as(db, ownerId, (tx) => listPopulationBaselines(tx, DEMO_COMMUNITY));
		const weights = await as(db, ownerId, (tx) =>
			respondentWeights(tx, { questionnaireId: DEMO, dimensions: ['housing_tenure'], baselines })
		);
		if (!weights.ok) throw new Error('refused');
		// Owners are 40 of 60 against 40 %: weight 24/40; renters 36/20.
		expect(weights.weights.byCell.get(JSON.stringify(['owner']))).toBeCloseTo(0.6, 9);
		expect(weights.weights.byCell.get(JSON.stringify(['renter']))).toBeCloseTo(1.8, 9);
		expect(weights.weights.effectiveN).toBeCloseTo(60 ** 2 / (40 * 0.36 + 20 * 3.24), 6);

		const outcome = await as(db, ownerId, (tx) =>
			weightedResults(tx, {
				questionnaireId: DEMO,
				questions,
				filter: noFilter,
				dimensions: ['housing_tenure'],
				baselines,
				k: K
			})
		);
		if (!outcome.ok) throw new Error('refused');
		const yesNo = outcome.questions.find((q) => q.id === Q(116))!;
		if (yesNo.kind !== 'choices') throw new Error(yesNo.kind);
		const yes = yesNo.rows.find((r) => r.value === 'yes')!;
		expect(yes.raw).toBeCloseTo(1 / 3, 9);
		expect(yes.weighted!.value).toBeCloseTo(0.6, 9);
		expect(yes.weighted!.marginOfError).toBeGreaterThan(0);
		// The weighted tenure question shows the census shares back.
		const tenure = outcome.questions.find((q) => q.id === Q(123))!;
		if (tenure.kind !== 'choices') throw new Error(tenure.kind);
		expect(tenure.rows.find((r) => r.value === 'renter')!.weighted!.value).toBeCloseTo(0.6, 9);
		// Suppression follows the raw counts: 4 aged 65–74 are hidden, weighted or not.
		const age = outcome.questions.find((q) => q.id === Q(121))!;
		if (age.kind !== 'choices') throw new Error(age.kind);
		expect(age.rows.find((r) => r.value === '65_74')).toMatchObject({
			suppressed: true,
			raw: null,
			weighted: null
		});
	});

	it('refuses to weight on a dimension with an empty or tiny group, naming it', async () => {
		const baselines = await as(db, ownerId, (tx) => listPopulationBaselines(tx, DEMO_COMMUNITY));
		const outcome = await as(db, ownerId, (tx) =>
			respondentWeights(tx, { questionnaireId: DEMO, dimensions: ['age_group'], baselines })
		);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.problems).toEqual(
			expect.arrayContaining([
				{ dimension: 'age_group', value: '15_24', reason: 'no_respondents', respondents: 0 },
				{ dimension: 'age_group', value: '65_74', reason: 'too_few', respondents: 4 }
			])
		);
	});

	it('the aggregate functions count only for owners, organizers and analysts', async () => {
		const tallies = (who: string | null) =>
			as(db, who, (tx) =>
				tx.query<{ key: string; count: number }>(
					`select key, count from public.answer_tallies($1, '[]', $2::jsonb, $3::jsonb, '[]')`,
					[
						DEMO,
						JSON.stringify({ demographics: { housing_tenure: 'renter' } }),
						JSON.stringify([Q(116)])
					]
				)
			);
		for (const who of [ownerId, people.organizerA, people.analystA]) {
			const rows = await tallies(who);
			// The filter picks the 20 renters, who all answered yes.
			expect(rows.find((r) => r.key === 'respondents')?.count).toBe(20);
			expect(rows.filter((r) => r.key === Q(116))).toEqual([{ key: Q(116), count: 20 }]);
		}
		for (const who of [people.volunteerA, people.outsider]) {
			expect(await tallies(who)).toEqual([]);
			expect(
				await as(db, who, (tx) =>
					tx.query(`select * from public.response_participant_counts($1)`, [DEMO_COMMUNITY])
				)
			).toEqual([]);
		}
		await expect(tallies(null)).rejects.toThrow(DENIED);
		await expect(
			as(db, null, (tx) =>
				tx.query(`select * from public.response_participant_counts($1)`, [DEMO_COMMUNITY])
			)
		).rejects.toThrow(DENIED);
	});
});

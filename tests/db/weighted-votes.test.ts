import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/types';
import { listPopulationBaselines } from '../../src/lib/server/representation/list-population-baselines';
import { castBallot } from '../../src/lib/server/voting/cast-ballot';
import { loadRound, type VoteRound } from '../../src/lib/server/voting/load-round';
import { savePaperTallies } from '../../src/lib/server/voting/save-paper-tallies';
import { weightedRoundResults } from '../../src/lib/server/voting/weighted-round';
import { as, asServiceRole, communities, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const ROUND = 'a5100000-0000-4000-8000-000000000001';
const [a, b, c] = [1, 2, 3].map(
	(n) => `a5100000-0000-40${String(n).padStart(2, '0')}-8000-000000000001`
);
const K = 10;

/**
 * The hand-computed case (same as $lib/domain/weighting/vote-round.test.ts, here through the
 * database): 12 men give 2 dots to a, 6 women 3 dots to b, one person who chose "another
 * gender" (not in the census) and one who gave no profile 1 dot to c, and 5 dots to c on paper.
 * Census: as many women as men. The 18 who said are raked to 9 and 9: men weigh 0.75, women
 * 1.5, the two others keep 1. Raw: a 24, b 18, c 7. Weighted: a 18, b 27, c 7.
 */
describe.each(drivers)('weighted vote results on %s', (driver) => {
	let db: Db;
	let round: VoteRound;
	const results = (userId: string, dimensions: string[], k = K) =>
		as(db, userId, async (tx) =>
			weightedRoundResults(tx, round, {
				k,
				dimensions,
				baselines: await listPopulationBaselines(tx, communities.A)
			})
		);

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await asServiceRole(db, async (tx) => {
			await tx.query(
				`insert into public.vote_rounds (id, community_id, slug, title, question, method, settings, status)
				values ($1, $2, 'weighted-a', '{"en":"T","fr":"T"}', '{"en":"Q","fr":"Q"}', 'dots', '{"dots": 3, "cap": 3}', 'open')`,
				[ROUND, communities.A]
			);
			for (const [i, id] of [a, b, c].entries())
				await tx.query(
					`insert into public.vote_options (id, round_id, position, label) values ($1, $2, $3, '{"en":"O","fr":"O"}')`,
					[id, ROUND, i + 1]
				);
			await tx.query(
				`insert into public.population_baselines (community_id, dimension, counts, source) values
				($1, 'gender', '{"woman": 500, "man": 500}', 'manual'),
				($1, 'age_group', '{"15_24": 100, "25_34": 200, "35_44": 200}', 'manual')`,
				[communities.A]
			);
		});
		round = (await as(db, people.ownerA, (tx) => loadRound(tx, { id: ROUND })))!;
		const voters: [Record<string, number>, Record<string, string>, number][] = [
			[{ [a]: 2 }, { gender: 'man' }, 12],
			[{ [b]: 3 }, { gender: 'woman', age_group: '25_34' }, 6],
			[{ [c]: 1 }, { gender: 'another_gender' }, 1],
			[{ [c]: 1 }, {}, 1]
		];
		for (const [ballot, profile, times] of voters)
			for (let i = 0; i < times; i++)
				expect(
					await as(db, null, (tx) =>
						castBallot(tx, round, {
							token: crypto.randomUUID(),
							channel: 'online',
							language: 'en',
							ballot,
							profile
						})
					)
				).toMatchObject({ ok: true });
		expect(
			await as(db, people.organizerA, (tx) => savePaperTallies(tx, round, { [c]: 5 }))
		).toEqual({ ok: true });
	});
	afterAll(() => db.close());

	it('weights each ballot by its profile and shows how the places move', async () => {
		const { results: raw, weighted } = await results(people.analystA, ['gender']);
		expect(raw.ballots).toBe(20);
		expect(raw.options.map((o) => o.score)).toEqual([24, 18, 7]);
		if (!weighted?.ok) throw new Error('not weighted');
		expect(weighted.options.map((o) => o.optionId)).toEqual([b, a, c]);
		const [wb, wa, wc] = weighted.options;
		expect(wb.score).toBeCloseTo(27, 9);
		expect(wa.score).toBeCloseTo(18, 9);
		expect(wc.score).toBeCloseTo(7, 9);
		expect(weighted.options.map((o) => [o.rawPlace, o.place])).toEqual([
			[2, 1],
			[1, 2],
			[3, 3]
		]);
		for (const option of weighted.options) {
			expect(option.interval!.low).toBeLessThanOrEqual(option.score!);
			expect(option.interval!.high).toBeGreaterThanOrEqual(option.score!);
		}
		// Kish: 400 ÷ (12 × 0.75² + 6 × 1.5² + 2)
		expect(weighted.summary.n).toBe(20);
		expect(weighted.summary.effectiveN).toBeCloseTo(400 / (12 * 0.5625 + 6 * 2.25 + 2), 9);
		// seeded by the round: the same ranges on every visit
		expect((await results(people.ownerA, ['gender'])).weighted).toEqual(weighted);
	});

	it('refuses, naming the groups nobody or too few voted from', async () => {
		const { weighted } = await results(people.organizerA, ['age_group', 'gender']);
		expect(weighted).toEqual({
			ok: false,
			minGroup: 5,
			problems: [
				{ dimension: 'age_group', value: '15_24', reason: 'no_respondents', respondents: 0 },
				{ dimension: 'age_group', value: '35_44', reason: 'no_respondents', respondents: 0 }
			]
		});
	});

	it('weights nothing when the raw results are suppressed or nothing is chosen', async () => {
		expect((await results(people.ownerA, ['gender'], 25)).weighted).toBeNull();
		expect((await results(people.ownerA, [])).weighted).toBeNull();
		// a volunteer sees no ballots and no baselines (RLS)
		const volunteer = await results(people.volunteerA, ['gender']);
		expect(volunteer.results.ballots).toBe(0);
		expect(volunteer.weighted).toBeNull();
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundResults, seedFrom, type CountedBallot } from '../../src/lib/domain/voting';
import type { Db } from '../../src/lib/server/db/types';
import { rulesOf, loadRound, type VoteRound } from '../../src/lib/server/voting/load-round';
import { loadCountedBallots } from '../../src/lib/server/voting/round-results';
import { as, asServiceRole, communities, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const PAIRWISE = 'a5200000-0000-4000-8000-000000000001';
const RANKING = 'a5200000-0000-4000-8000-000000000002';
const option = (round: string, n: number) =>
	`a5300000-0000-4000-8000-0000000000${round.slice(-1)}${n}`;

/** Ballots of both rounds, many alike, cast one second apart; one profile value holds , = " and a backslash. */
function ballotsOf(round: string, method: 'pairwise' | 'ranking') {
	const [a, b, c] = [1, 2, 3].map((n) => option(round, n));
	return Array.from({ length: 60 }, (_, i) => ({
		channel: ['online', 'event', 'kiosk'][i % 3],
		marks: method === 'ranking' ? (i % 4 === 0 ? { [a]: 1, [c]: 2 } : { [b]: 1 }) : {},
		comparisons:
			method === 'pairwise'
				? i % 5 === 0
					? [
							{ winner: a, loser: b },
							{ winner: c, loser: b }
						]
					: [{ winner: i % 2 ? b : c, loser: a }]
				: [],
		profile:
			i % 7 === 0
				? {}
				: { gender: i % 2 ? 'woman' : 'man', age_group: i % 6 ? '25_34' : 'a,"b"=c\\' }
	}));
}

/** The ballots one row per ballot, in the order cast, as the results page read them before. */
async function oneByOne(db: Db, round: string): Promise<CountedBallot[]> {
	return as(db, people.ownerA, (tx) =>
		tx.query<CountedBallot>(
			`select b.channel,
				coalesce((select jsonb_object_agg(m.option_id, m.value) from public.ballot_marks m where m.ballot_id = b.id), '{}') as marks,
				coalesce((select jsonb_agg(jsonb_build_object('winner', c.winner_id, 'loser', c.loser_id))
					from public.ballot_comparisons c where c.ballot_id = b.id), '[]') as comparisons,
				coalesce((select jsonb_object_agg(p.dimension, p.value) from public.ballot_profiles p where p.ballot_id = b.id), '{}') as profile
			from public.ballots b where b.round_id = $1 order by b.cast_at, b.id`,
			[round]
		)
	);
}

describe.each(drivers)('vote ballots loaded as patterns on %s', (driver) => {
	let db: Db;
	const rounds: Record<string, VoteRound> = {};

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await asServiceRole(db, async (tx) => {
			for (const [round, method] of [
				[PAIRWISE, 'pairwise'],
				[RANKING, 'ranking']
			] as const) {
				await tx.query(
					`insert into public.vote_rounds (id, community_id, slug, title, question, method, settings, status)
					values ($1, $2, $3, '{"en":"T","fr":"T"}', '{"en":"Q","fr":"Q"}', $4, $5, 'open')`,
					[
						round,
						communities.A,
						`patterns-${method}`,
						method,
						method === 'ranking' ? { top: 2 } : {}
					]
				);
				for (const n of [1, 2, 3])
					await tx.query(
						`insert into public.vote_options (id, round_id, position, label) values ($1, $2, $3, '{"en":"O","fr":"O"}')`,
						[option(round, n), round, n]
					);
				for (const [i, ballot] of ballotsOf(round, method).entries()) {
					const [{ id }] = await tx.query<{ id: string }>(
						`insert into public.ballots (round_id, community_id, device_hash, channel, language, cast_at)
						values ($1, $2, $3, $4, 'en', timestamptz '2026-11-01' + $5 * interval '1 second') returning id`,
						[round, communities.A, `device-${i}`, ballot.channel, i]
					);
					for (const [optionId, value] of Object.entries(ballot.marks))
						await tx.query(
							`insert into public.ballot_marks (ballot_id, round_id, option_id, value) values ($1, $2, $3, $4)`,
							[id, round, optionId, value]
						);
					for (const { winner, loser } of ballot.comparisons)
						await tx.query(
							`insert into public.ballot_comparisons (ballot_id, round_id, winner_id, loser_id) values ($1, $2, $3, $4)`,
							[id, round, winner, loser]
						);
					for (const [dimension, value] of Object.entries(ballot.profile))
						await tx.query(
							`insert into public.ballot_profiles (ballot_id, round_id, dimension, value) values ($1, $2, $3, $4)`,
							[id, round, dimension, value]
						);
				}
			}
		});
		for (const id of [PAIRWISE, RANKING])
			rounds[id] = (await as(db, people.ownerA, (tx) => loadRound(tx, { id })))!;
	});
	afterAll(async () => {
		await db?.close();
	});

	it.each([PAIRWISE, RANKING])(
		'round %s: fewer rows, the same ballots, and the very same results',
		async (id) => {
			const { ballots: patterns } = await as(db, people.ownerA, (tx) => loadCountedBallots(tx, id));
			const ballots = await oneByOne(db, id);
			expect(ballots).toHaveLength(60);
			expect(patterns.length).toBeLessThan(30);
			expect(patterns.reduce((sum, p) => sum + (p.count ?? 1), 0)).toBe(60);
			expect(patterns.some((p) => p.profile.age_group === 'a,"b"=c\\')).toBe(true);
			const options = {
				k: 5,
				seed: seedFrom(id),
				reps: 100,
				dimensions: ['gender', 'age_group']
			};
			const rules = rulesOf(rounds[id]);
			expect(roundResults(rules, patterns, {}, options)).toEqual(
				roundResults(rules, ballots, {}, options)
			);
		}
	);

	it('shows a volunteer no ballots', async () => {
		const { ballots } = await as(db, people.volunteerA, (tx) => loadCountedBallots(tx, PAIRWISE));
		expect(ballots).toEqual([]);
	});
});

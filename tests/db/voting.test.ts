import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/types';
import { answerPair } from '../../src/lib/server/voting/answer-pair';
import { ballotByDevice } from '../../src/lib/server/voting/ballot-by-device';
import { castBallot, deviceHash } from '../../src/lib/server/voting/cast-ballot';
import { createRound } from '../../src/lib/server/voting/create-round';
import { loadRound, type VoteRound } from '../../src/lib/server/voting/load-round';
import { loadRoundResults } from '../../src/lib/server/voting/round-results';
import { roundTotals } from '../../src/lib/server/voting/round-totals';
import { savePaperTallies } from '../../src/lib/server/voting/save-paper-tallies';
import { setRoundStatus } from '../../src/lib/server/voting/set-round-status';
import { as, asServiceRole, communities, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A, B } = communities;
const ids = {
	openA: 'a5000000-0000-4000-8000-000000000001',
	draftA: 'a5000000-0000-4000-8000-000000000002',
	closedA: 'a5000000-0000-4000-8000-000000000003',
	openB: 'b5000000-0000-4000-8000-000000000001',
	pairA: 'a5000000-0000-4000-8000-000000000004'
};
const option = (round: string, n: number) =>
	round.replace('-4000-', `-40${String(n).padStart(2, '0')}-`);

async function seedRounds(db: Db) {
	await db.transaction(async (tx) => {
		const rounds: [string, string, string, string, string, object][] = [
			[ids.openA, A, 'open-a', 'open', 'dots', { dots: 5, cap: 3 }],
			[ids.draftA, A, 'draft-a', 'draft', 'approval', {}],
			[ids.closedA, A, 'closed-a', 'closed', 'ranking', { top: 3 }],
			[ids.openB, B, 'open-b', 'open', 'approval', {}],
			[ids.pairA, A, 'pair-a', 'open', 'pairwise', {}]
		];
		for (const [id, community, slug, status, method, settings] of rounds) {
			await tx.query(
				`insert into public.vote_rounds (id, community_id, slug, title, question, method, settings, status)
				values ($1, $2, $3, '{"en":"T","fr":"T"}', '{"en":"Q","fr":"Q"}', $5::public.vote_method, $6::jsonb, $4)`,
				[id, community, slug, status, method, JSON.stringify(settings)]
			);
			for (let n = 1; n <= 3; n++)
				await tx.query(
					`insert into public.vote_options (id, round_id, position, label) values ($1, $2, $3, '{"en":"O","fr":"O"}')`,
					[option(id, n), id, n]
				);
		}
	});
}

describe.each(drivers)('priority votes on %s', (driver) => {
	let db: Db;
	const count = async (userId: string | null, sql: string, params: unknown[] = []) =>
		(await as(db, userId, (tx) => tx.query(sql, params))).length;
	const round = (id: string, userId: string | null = null) =>
		as(db, userId, (tx) => loadRound(tx, { id })) as Promise<VoteRound>;
	const cast = async (
		id: string,
		ballot: unknown,
		token: string = crypto.randomUUID(),
		profile = {}
	) =>
		as(db, null, async (tx) =>
			castBallot(tx, (await loadRound(tx, { id }))!, {
				token,
				channel: 'online',
				language: 'fr',
				ballot,
				profile
			})
		);
	const stored = async () =>
		(
			await asServiceRole(db, (tx) =>
				tx.query<{ n: number }>(
					`select (select count(*) from public.ballots) + (select count(*) from public.ballot_marks)
					+ (select count(*) from public.ballot_comparisons) + (select count(*) from public.ballot_profiles) as n`
				)
			)
		)[0].n;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await seedRounds(db);
	});
	afterAll(() => db.close());

	describe('casting', () => {
		it('casts, then replaces the same device’s ballot, keeping the profile apart', async () => {
			const token = crypto.randomUUID();
			const [a, b, c] = [1, 2, 3].map((n) => option(ids.openA, n));
			expect(await cast(ids.openA, { [a]: 3, [b]: 2 }, token, { age_group: '25_34' })).toEqual({
				ok: true,
				outcome: 'created'
			});
			expect(await cast(ids.openA, { [c]: 1 }, token)).toEqual({ ok: true, outcome: 'replaced' });
			const mine = await as(db, null, (tx) => ballotByDevice(tx, ids.openA, token));
			expect(mine).toMatchObject({ marks: { [c]: 1 }, comparisons: [], profile: {} });
			const [row] = await db.query<{ n: number }>(
				'select count(*)::int as n from public.ballots where device_hash = $1',
				[deviceHash(ids.openA, token)]
			);
			expect(row.n).toBe(1);
			// a hash per round: the same token gives another hash elsewhere
			expect(deviceHash(ids.openB, token)).not.toBe(deviceHash(ids.openA, token));
		});

		it('refuses bad ballots with a clear reason and stores nothing', async () => {
			const token = crypto.randomUUID();
			const a = option(ids.openA, 1);
			await cast(ids.openA, { [a]: 2 }, token);
			const before = await stored();
			expect(await cast(ids.openA, { [a]: 3, [option(ids.openA, 2)]: 3 }, token)).toEqual({
				ok: false,
				error: 'voting.errors.too_many_dots'
			});
			expect(await cast(ids.openA, { [option(ids.openB, 1)]: 1 }, token)).toEqual({
				ok: false,
				error: 'voting.errors.unknown_option'
			});
			expect(await cast(ids.closedA, { [option(ids.closedA, 1)]: 1 })).toEqual({
				ok: false,
				error: 'voting.errors.closed'
			});
			const pair = await round(ids.pairA);
			expect(
				await as(db, null, (tx) =>
					answerPair(tx, pair, {
						token,
						channel: 'online',
						language: 'en',
						profile: {},
						answer: { winner: option(ids.pairA, 1), loser: option(ids.pairA, 1) }
					})
				)
			).toEqual({ ok: false, error: 'voting.errors.same_pair' });
			expect(await stored()).toBe(before);
			expect((await as(db, null, (tx) => ballotByDevice(tx, ids.openA, token)))?.marks).toEqual({
				[a]: 2
			});
		});

		it('the database itself refuses a closed or draft round and options of another round', async () => {
			const call = (roundId: string, marks: object) =>
				as(db, null, (tx) =>
					tx.query(`select public.cast_ballot($1, 'x', 'online', 'en', $2::jsonb, '[]', '{}')`, [
						roundId,
						JSON.stringify(marks)
					])
				);
			await expect(call(ids.closedA, { [option(ids.closedA, 1)]: 1 })).rejects.toThrow(
				/not taking votes/
			);
			await expect(call(ids.draftA, { [option(ids.draftA, 1)]: 1 })).rejects.toThrow(
				/not taking votes/
			);
			await expect(call(ids.openA, { [option(ids.openB, 1)]: 1 })).rejects.toThrow(/another round/);
			await expect(
				as(db, null, (tx) =>
					tx.query(`select public.cast_ballot($1, 'x', 'paper', 'en', '{}', '[]', '{}')`, [
						ids.openA
					])
				)
			).rejects.toThrow(/online, at an event/);
		});

		it('hostile bodies are refused, never an exception, never stored', async () => {
			const before = await stored();
			const rounds = await Promise.all([ids.openA, ids.pairA].map((id) => round(id)));
			await fc.assert(
				fc.asyncProperty(fc.constantFrom(...rounds), fc.anything(), async (target, body) => {
					const result = await as(db, null, (tx) =>
						castBallot(tx, target, {
							token: 'hostile',
							channel: 'online',
							language: 'en',
							ballot: body,
							profile: {}
						})
					);
					expect(result.ok).toBe(false);
				}),
				{ numRuns: 60 }
			);
			expect(await stored()).toBe(before);
		});

		it('pairwise answers build up one ballot, the same pair answered again replaces it', async () => {
			const pair = await round(ids.pairA);
			const token = crypto.randomUUID();
			const [a, b, c] = [1, 2, 3].map((n) => option(ids.pairA, n));
			const answer = (winner: string, loser: string) =>
				as(db, null, (tx) =>
					answerPair(tx, pair, {
						token,
						channel: 'event',
						language: 'en',
						profile: {},
						answer: { winner, loser }
					})
				);
			await answer(a, b);
			await answer(c, a);
			expect(await answer(b, a)).toEqual({ ok: true, outcome: 'replaced' });
			const mine = await as(db, null, (tx) => ballotByDevice(tx, ids.pairA, token));
			expect(mine?.comparisons).toHaveLength(2);
			expect(mine?.comparisons).toContainEqual({ winner: b, loser: a });
		});
	});

	describe('row-level security', () => {
		it('anyone reads opened rounds and their options, not drafts', async () => {
			expect(await count(null, 'select id from public.vote_rounds')).toBe(4);
			expect(
				await count(null, 'select id from public.vote_options where round_id = $1', [ids.draftA])
			).toBe(0);
			expect(
				await count(people.outsider, 'select id from public.vote_rounds where id = $1', [
					ids.draftA
				])
			).toBe(0);
			expect(
				await count(people.volunteerA, 'select id from public.vote_rounds where id = $1', [
					ids.draftA
				])
			).toBe(1);
			expect(
				await count(people.ownerB, 'select id from public.vote_options where round_id = $1', [
					ids.draftA
				])
			).toBe(0);
		});

		it('owners and organizers create and change rounds and options; others cannot', async () => {
			const make = (userId: string, slug: string) =>
				as(db, userId, (tx) =>
					createRound(tx, {
						communityId: A,
						slug,
						title: { en: 'N', fr: '' },
						method: 'dots',
						fromAreas: false
					})
				);
			expect(await make(people.organizerA, 'made-by-organizer')).toMatchObject({ ok: true });
			for (const [who, slug] of [
				[people.analystA, 'by-analyst'],
				[people.volunteerA, 'by-volunteer'],
				[people.outsider, 'by-outsider'],
				[people.ownerB, 'by-owner-b']
			])
				expect(await make(who, slug)).toEqual({ ok: false, error: 'voting.errors.not_allowed' });
			await expect(
				as(db, null, (tx) =>
					tx.query(
						`insert into public.vote_rounds (community_id, slug, title, method) values ($1, 'anon-r', '{"en":"","fr":""}', 'dots')`,
						[A]
					)
				)
			).rejects.toThrow(DENIED);
			for (const who of [people.analystA, people.volunteerA, people.ownerB]) {
				expect(
					await count(
						who,
						`update public.vote_options set label = '{"en":"X","fr":"X"}' where round_id = $1 returning id`,
						[ids.draftA]
					)
				).toBe(0);
			}
			expect(
				await count(
					people.organizerA,
					`update public.vote_options set label = '{"en":"X","fr":"X"}' where round_id = $1 returning id`,
					[ids.draftA]
				)
			).toBe(3);
			expect(await as(db, people.analystA, (tx) => setRoundStatus(tx, ids.draftA, 'open'))).toEqual(
				{
					ok: false,
					error: 'voting.errors.not_allowed'
				}
			);
			expect(await as(db, people.ownerA, (tx) => setRoundStatus(tx, ids.draftA, 'open'))).toEqual({
				ok: true,
				status: 'open'
			});
			expect(await as(db, people.ownerA, (tx) => setRoundStatus(tx, ids.draftA, 'open'))).toEqual({
				ok: false,
				error: 'voting.errors.wrong_status'
			});
		});

		it('owners, organizers and analysts read ballots, marks, answers and profiles; nobody else', async () => {
			const tables = ['ballots', 'ballot_marks', 'ballot_comparisons', 'ballot_profiles'];
			const total = async (userId: string | null, table: string) => {
				try {
					return await count(userId, `select 1 from public.${table}`);
				} catch (error) {
					return String(error);
				}
			};
			await cast(ids.openB, { [option(ids.openB, 1)]: 1 }, 'b-device', { gender: 'woman' });
			for (const table of tables) {
				const all = await asServiceRole(db, (tx) => tx.query(`select 1 from public.${table}`));
				const ofB = table === 'ballot_comparisons' ? 0 : 1;
				for (const who of [people.ownerA, people.organizerA, people.analystA])
					expect(await total(who, table)).toBe(all.length - ofB);
				expect(await total(people.ownerB, table)).toBe(ofB);
				expect(await total(people.volunteerA, table)).toBe(0);
				expect(await total(people.outsider, table)).toBe(0);
				expect(await total(null, table)).toMatch(DENIED);
			}
			// nobody writes ballots directly: only through cast_ballot
			await expect(
				as(db, people.ownerA, (tx) =>
					tx.query(
						`insert into public.ballots (round_id, community_id, device_hash, language) values ($1, $2, 'd', 'en')`,
						[ids.openA, A]
					)
				)
			).rejects.toThrow(DENIED);
			await expect(
				as(db, people.ownerA, (tx) => tx.query(`update public.ballot_marks set value = 3`))
			).rejects.toThrow(DENIED);
			// owners may remove a ballot (abuse); organizers may not
			expect(
				await count(
					people.organizerA,
					'delete from public.ballots where round_id = $1 returning id',
					[ids.openA]
				)
			).toBe(0);
		});

		it('owners and organizers enter paper tallies; analysts read them; others neither', async () => {
			const dots = await round(ids.openA, people.organizerA);
			const counts = { [option(ids.openA, 1)]: 12, [option(ids.openA, 2)]: 4 };
			expect(await as(db, people.organizerA, (tx) => savePaperTallies(tx, dots, counts))).toEqual({
				ok: true
			});
			expect(await as(db, people.organizerA, (tx) => savePaperTallies(tx, dots, counts))).toEqual({
				ok: true
			});
			for (const who of [people.analystA, people.volunteerA, people.ownerB])
				expect(await as(db, who, (tx) => savePaperTallies(tx, dots, counts))).toEqual({
					ok: false,
					error: 'voting.errors.not_allowed'
				});
			expect(await count(people.analystA, 'select 1 from public.vote_paper_tallies')).toBe(3);
			expect(await count(people.volunteerA, 'select 1 from public.vote_paper_tallies')).toBe(0);
			expect(await count(people.ownerB, 'select 1 from public.vote_paper_tallies')).toBe(0);
			await expect(count(null, 'select 1 from public.vote_paper_tallies')).rejects.toThrow(DENIED);
			const ranking = await round(ids.closedA, people.ownerA);
			expect(await as(db, people.ownerA, (tx) => savePaperTallies(tx, ranking, {}))).toEqual({
				ok: false,
				error: 'voting.errors.no_paper'
			});
		});
	});

	describe('running tallies', () => {
		const tallies = async (roundId: string) =>
			(
				await asServiceRole(db, (tx) =>
					tx.query<{ key: string; ballots: number; points: number }>(
						`select breakdown || ':' || breakdown_value || ':' || option_id as key, ballots, points::int as points
						from public.vote_tallies where round_id = $1 and ballots <> 0 order by 1`,
						[roundId]
					)
				)
			).map((row) => `${row.key}=${row.ballots}/${row.points}`);

		it('are kept ballot by ballot exactly as a rebuild from all ballots computes them', async () => {
			const [a, b, c] = [1, 2, 3].map((n) => option(ids.openA, n));
			const token = crypto.randomUUID();
			await cast(ids.openA, { [a]: 1, [b]: 3 }, token, { gender: 'man', age_group: '15_24' });
			await cast(ids.openA, { [c]: 2 }, token, { gender: 'woman' });
			await cast(ids.openA, { [a]: 3, [c]: 2 }, undefined, { gender: 'woman' });
			const kept = await tallies(ids.openA);
			expect(kept.length).toBeGreaterThan(0);
			await asServiceRole(db, (tx) =>
				tx.query('select public.rebuild_vote_tallies($1)', [ids.openA])
			);
			expect(await tallies(ids.openA)).toEqual(kept);
		});

		it('an owner removing a ballot takes it out of the tallies', async () => {
			const a = option(ids.openA, 1);
			const before = await tallies(ids.openA);
			const token = crypto.randomUUID();
			await cast(ids.openA, { [a]: 3 }, token);
			const [ballot] = await db.query<{ id: string }>(
				'select id from public.ballots where device_hash = $1',
				[deviceHash(ids.openA, token)]
			);
			expect(
				await count(people.ownerA, 'delete from public.ballots where id = $1 returning id', [
					ballot.id
				])
			).toBe(1);
			expect(await tallies(ids.openA)).toEqual(before);
		});

		it('owners, organizers and analysts read them; nobody else; nobody writes them', async () => {
			const ofA = (await tallies(ids.openA)).length + (await tallies(ids.pairA)).length;
			const visible = (who: string | null) =>
				count(who, 'select 1 from public.vote_tallies where ballots <> 0 and round_id <> $1', [
					ids.openB
				]);
			for (const who of [people.ownerA, people.organizerA, people.analystA])
				expect(await visible(who)).toBe(ofA);
			for (const who of [people.volunteerA, people.outsider, people.ownerB])
				expect(await visible(who)).toBe(0);
			await expect(visible(null)).rejects.toThrow(DENIED);
			await expect(
				as(db, people.ownerA, (tx) => tx.query('update public.vote_tallies set ballots = 0'))
			).rejects.toThrow(DENIED);
			await expect(
				as(db, people.ownerA, (tx) =>
					tx.query('select public.rebuild_vote_tallies($1)', [ids.openA])
				)
			).rejects.toThrow(DENIED);
		});
	});

	describe('results', () => {
		it('scores with paper tallies, by group, and the same totals in SQL', async () => {
			const dots = await round(ids.openA, people.ownerA);
			const { results, paper } = await as(db, people.ownerA, (tx) =>
				loadRoundResults(tx, dots, 10)
			);
			expect(paper[option(ids.openA, 1)]).toBe(12);
			const again = await as(db, people.ownerA, (tx) => loadRoundResults(tx, dots, 10));
			expect(again.results).toEqual(results);
			const totals = await as(db, people.ownerA, (tx) => roundTotals(tx, ids.openA));
			const overall = totals.filter((t) => t.grouping === 'all');
			for (const row of overall) {
				const index = dots.options.findIndex((o) => o.id === row.option_id);
				expect(results.options[index].score).toBe(row.points + (paper[row.option_id] ?? 0));
			}
		});
	});
});

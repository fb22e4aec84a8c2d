import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/types';
import { listAreaVotes } from '../../src/lib/server/priorities/area-votes';
import { castBallot } from '../../src/lib/server/voting/cast-ballot';
import { loadRound } from '../../src/lib/server/voting/load-round';
import { savePaperTallies } from '../../src/lib/server/voting/save-paper-tallies';
import { as, asServiceRole, communities, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A } = communities;
const area = {
	housing: 'a7000000-0000-4000-8000-000000000001',
	parks: 'a7000000-0000-4000-8000-000000000002'
};
const round = {
	dots: 'a7100000-0000-4000-8000-000000000001',
	pairs: 'a7100000-0000-4000-8000-000000000002'
};
const option = (roundId: string, n: number) => roundId.replace('-4000-', `-40${n}0-`);

async function seedAreaRounds(db: Db) {
	await asServiceRole(db, async (tx) => {
		for (const [id, name] of [
			[area.housing, 'Housing'],
			[area.parks, 'Parks']
		])
			await tx.query(
				`insert into public.priority_areas (id, community_id, name) values ($1, $2, $3::jsonb)`,
				[id, A, JSON.stringify({ en: name, fr: name })]
			);
		for (const [id, method, settings] of [
			[round.dots, 'dots', { dots: 5, cap: 5 }],
			[round.pairs, 'pairwise', {}]
		] as const) {
			await tx.query(
				`insert into public.vote_rounds (id, community_id, slug, title, question, method, settings, status)
				values ($1, $2, $5, '{"en":"R","fr":"R"}', '{"en":"Q","fr":"Q"}', $3::public.vote_method, $4::jsonb, 'open')`,
				[id, A, method, JSON.stringify(settings), `area-${method}`]
			);
			for (const [n, areaId] of [
				[1, area.housing],
				[2, area.parks],
				[3, null]
			] as const)
				await tx.query(
					`insert into public.vote_options (id, round_id, position, label, priority_area_id)
					values ($1, $2, $3, '{"en":"O","fr":"O"}', $4)`,
					[option(id, n), id, n, areaId]
				);
		}
	});
}

describe.each(drivers)('a priority area beside its votes on %s', (driver) => {
	let db: Db;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await seedAreaRounds(db);
		const dots = async (marks: Record<string, number>) =>
			as(db, null, async (tx) =>
				castBallot(tx, (await loadRound(tx, { id: round.dots }))!, {
					token: crypto.randomUUID(),
					channel: 'online',
					language: 'en',
					ballot: marks,
					profile: {}
				})
			);
		expect(await dots({ [option(round.dots, 2)]: 3, [option(round.dots, 1)]: 2 })).toMatchObject({
			ok: true
		});
		await dots({ [option(round.dots, 2)]: 5 });
		await dots({ [option(round.dots, 3)]: 5 });
		expect(
			await as(db, people.ownerA, async (tx) =>
				savePaperTallies(tx, (await loadRound(tx, { id: round.dots }))!, {
					[option(round.dots, 1)]: 4
				})
			)
		).toEqual({ ok: true });
	});
	afterAll(() => db.close());

	it("places the area among its round's options, paper counts included", async () => {
		const housing = await as(db, people.analystA, (tx) => listAreaVotes(tx, A, area.housing));
		const parks = await as(db, people.analystA, (tx) => listAreaVotes(tx, A, area.parks));
		const dotsRound = (votes: typeof housing) => votes.find((vote) => vote.roundId === round.dots);
		// parks 3 + 5 = 8 dots; the unlinked option 5; housing 2 online + 4 on paper = 6
		expect(dotsRound(parks)).toMatchObject({
			ballots: 3,
			standing: { points: 8, rank: 1, options: 3 }
		});
		expect(dotsRound(housing)).toMatchObject({
			ballots: 3,
			standing: { points: 6, rank: 2, options: 3 }
		});
	});

	it('leaves pairwise standings to the round results page', async () => {
		const votes = await as(db, people.analystA, (tx) => listAreaVotes(tx, A, area.housing));
		expect(votes.find((vote) => vote.roundId === round.pairs)).toMatchObject({
			method: 'pairwise',
			standing: null
		});
	});

	it("shows another community no ballots or points, only what the round's public page shows", async () => {
		// an open round and its options are public (residents vote on them); its ballots are not
		const seen = await as(db, people.ownerB, (tx) => listAreaVotes(tx, A, area.housing));
		expect(seen.map((vote) => [vote.ballots, vote.standing?.points ?? 0])).toEqual([
			[0, 0],
			[0, 0]
		]);
	});
});

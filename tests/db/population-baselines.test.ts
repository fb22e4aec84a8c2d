import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPopulationBaselines } from '../../src/lib/server/representation/list-population-baselines';
import type { Db } from '../../src/lib/server/db/types';
import { as, asServiceRole, communities, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A, B } = communities;

const insert = (db: Db, who: string | null, community: string, dimension: string) =>
	as(db, who, (tx) =>
		tx.query(
			`insert into public.population_baselines (community_id, dimension, counts, source, created_by)
			values ($1, $2, '{"owner": 10, "renter": 20}', 'manual', $3)`,
			[community, dimension, who]
		)
	);

describe.each(drivers)('population baselines security on %s', (driver) => {
	let db: Db;
	const count = async (userId: string | null, sql: string, params: unknown[] = []) =>
		(await as(db, userId, (tx) => tx.query(sql, params))).length;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await asServiceRole(db, async (tx) => {
			await tx.query(
				`insert into public.population_baselines
				(community_id, dimension, counts, source, source_label, year, geography) values
				($1, 'age_group', '{"15_24": 1200, "25_34": 1500}', 'census_profile',
					'Statistics Canada, 2021 Census Profile', 2021, '[{"code":"10010001","name":"10010001"}]'),
				($1, 'disability', '{"yes": 300, "no": 2700}', 'manual', null, null, '[]'),
				($2, 'age_group', '{"15_24": 5}', 'manual', null, null, '[]')`,
				[A, B]
			);
		});
	});
	afterAll(() => db.close());

	it('owners, organizers and analysts read their own community’s baselines, typed', async () => {
		for (const who of [people.ownerA, people.organizerA, people.analystA]) {
			const baselines = await as(db, who, (tx) => listPopulationBaselines(tx, A));
			expect(baselines.map((b) => b.dimension)).toEqual(['age_group', 'disability']);
			expect(baselines[0]).toMatchObject({
				counts: { '15_24': 1200, '25_34': 1500 },
				source: 'census_profile',
				sourceLabel: 'Statistics Canada, 2021 Census Profile',
				year: 2021,
				geography: [{ code: '10010001', name: '10010001' }]
			});
			expect(baselines[0].createdAt).toBeInstanceOf(Date);
		}
	});

	it('volunteers, other communities’ owners, outsiders and anon read nothing', async () => {
		for (const who of [people.volunteerA, people.ownerB, people.outsider, null]) {
			if (who === null) {
				await expect(count(null, 'select 1 from public.population_baselines')).rejects.toThrow(
					DENIED
				);
				continue;
			}
			expect(await as(db, who, (tx) => listPopulationBaselines(tx, A))).toEqual([]);
		}
		// the owner of B sees B's only
		expect(await count(people.ownerB, 'select 1 from public.population_baselines')).toBe(1);
	});

	it('owners and organizers add, change and delete baselines', async () => {
		await insert(db, people.ownerA, A, 'housing_tenure');
		await insert(db, people.organizerA, A, 'gender');
		expect(
			await count(
				people.organizerA,
				`update public.population_baselines set counts = '{"owner": 1}'
				where community_id = $1 and dimension = 'housing_tenure' returning 1`,
				[A]
			)
		).toBe(1);
		expect(
			await count(
				people.ownerA,
				`delete from public.population_baselines where community_id = $1 and dimension = 'gender' returning 1`,
				[A]
			)
		).toBe(1);
	});

	it('analysts, volunteers, other communities, outsiders and anon cannot write', async () => {
		for (const who of [people.analystA, people.volunteerA, people.ownerB, people.outsider, null]) {
			await expect(insert(db, who, A, 'immigrant_status')).rejects.toThrow(DENIED);
		}
		for (const who of [people.analystA, people.volunteerA, people.ownerB, people.outsider]) {
			expect(
				await count(
					who,
					`update public.population_baselines set counts = '{}' where community_id = $1 returning 1`,
					[A]
				)
			).toBe(0);
			expect(
				await count(
					who,
					`delete from public.population_baselines where community_id = $1 returning 1`,
					[A]
				)
			).toBe(0);
		}
		await expect(
			count(null, `delete from public.population_baselines where community_id = $1`, [A])
		).rejects.toThrow(DENIED);
		// an owner of B cannot move a baseline into A either
		await expect(
			count(
				people.ownerB,
				`update public.population_baselines set community_id = $1 where community_id = $2`,
				[A, B]
			)
		).rejects.toThrow(DENIED);
	});

	it('refuses malformed rows: prefer_not_to_say, non-object counts, unknown source', async () => {
		for (const [counts, source] of [
			['{"prefer_not_to_say": 3}', 'manual'],
			['[1, 2]', 'manual'],
			['{"yes": 1}', 'guess']
		]) {
			await expect(
				asServiceRole(db, (tx) =>
					tx.query(
						`insert into public.population_baselines (community_id, dimension, counts, source)
						values ($1, 'household_income', $2::jsonb, $3)`,
						[A, counts, source]
					)
				)
			).rejects.toThrow(/check constraint/);
		}
	});
});

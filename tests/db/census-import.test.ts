import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCensusProfile } from '../../src/lib/domain/representation/read-census-profile';
import type { CensusExtract } from '../../src/lib/domain/representation/census-profile';
import { importCensusProfile } from '../../src/lib/server/representation/import-census-profile';
import { listPopulationBaselines } from '../../src/lib/server/representation/list-population-baselines';
import { savePopulationBaselines } from '../../src/lib/server/representation/save-population-baselines';
import type { Db } from '../../src/lib/server/db/types';
import { seedDemo } from '../../src/lib/server/db/seed-demo';
import { buildProfile, fullGeography } from '../fixtures/census/build-profile';
import { as, communities, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A } = communities;

// made-up counts in the real layout (see build-profile.ts)
async function extractOf(text: string): Promise<CensusExtract> {
	async function* chunks() {
		yield new TextEncoder().encode(text);
	}
	const reading = await readCensusProfile(chunks());
	if (!reading.ok) throw new Error('bad fixture');
	return reading.extract;
}

describe.each(drivers)('census import on %s', (driver) => {
	let db: Db;
	let extract: CensusExtract;
	const stored = () => as(db, people.ownerA, (tx) => listPopulationBaselines(tx, A));

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		extract = await extractOf(
			buildProfile([fullGeography('35061234'), fullGeography('35061235', 2)])
		);
	});
	afterAll(() => db.close());

	it('stores the chosen dimensions, summed over the chosen geographies, with source and year', async () => {
		const result = await as(db, people.organizerA, (tx) =>
			importCensusProfile(tx, A, people.organizerA, {
				extract,
				geographyCodes: ['35061234', '35061235'],
				dimensions: ['age_group', 'housing_tenure'],
				sourceLabel: 'Statistics Canada, 2021 Census Profile (made-up test counts)'
			})
		);
		expect(result).toEqual({ stored: ['age_group', 'housing_tenure'], missing: [] });
		const baselines = await stored();
		expect(baselines.map((b) => b.dimension)).toEqual(['age_group', 'housing_tenure']);
		expect(baselines[1]).toMatchObject({
			counts: { owner: 750, renter: 495, other: 15 },
			source: 'census_profile',
			year: 2021,
			geography: [
				{ code: '35061234', name: '35061234' },
				{ code: '35061235', name: '35061235' }
			]
		});
	});

	it('a new import replaces the dimension it covers and leaves the others', async () => {
		await as(db, people.ownerA, (tx) =>
			importCensusProfile(tx, A, people.ownerA, {
				extract,
				geographyCodes: ['35061234'],
				dimensions: ['housing_tenure'],
				sourceLabel: 'one area'
			})
		);
		const baselines = await stored();
		expect(baselines.find((b) => b.dimension === 'housing_tenure')?.counts.owner).toBe(250);
		expect(baselines.find((b) => b.dimension === 'age_group')?.geography).toHaveLength(2);
	});

	it('stores nothing when a chosen geography is not in the file', async () => {
		const before = await stored();
		const result = await as(db, people.ownerA, (tx) =>
			importCensusProfile(tx, A, people.ownerA, {
				extract,
				geographyCodes: ['35061234', '99999999'],
				dimensions: ['gender'],
				sourceLabel: ''
			})
		);
		expect(result).toEqual({ stored: [], missing: ['99999999'] });
		expect(await stored()).toEqual(before);
	});

	it('all or nothing: a refused dimension undoes the ones stored before it', async () => {
		const before = await stored();
		await expect(
			as(db, people.ownerA, (tx) =>
				savePopulationBaselines(tx, A, people.ownerA, [
					{
						dimension: 'gender',
						counts: { woman: 5 },
						source: 'manual',
						sourceLabel: null,
						year: null,
						geography: []
					},
					// refused by the table's check: prefer_not_to_say is never a population group
					{
						dimension: 'disability',
						counts: { prefer_not_to_say: 3 },
						source: 'manual',
						sourceLabel: null,
						year: null,
						geography: []
					}
				])
			)
		).rejects.toThrow(/check constraint/);
		expect(await stored()).toEqual(before);
	});

	it('analysts and volunteers cannot import: RLS refuses and nothing is stored', async () => {
		const before = await stored();
		for (const who of [people.analystA, people.volunteerA, people.ownerB]) {
			await expect(
				as(db, who, (tx) =>
					importCensusProfile(tx, A, who, {
						extract,
						geographyCodes: ['35061234'],
						dimensions: ['gender', 'racialized_group'],
						sourceLabel: ''
					})
				)
			).rejects.toThrow(DENIED);
		}
		expect(await stored()).toEqual(before);
	});

	it('the demo community gets gender baselines from the real ADA 10010001 sample', async () => {
		const demo = await migratedDb(driver);
		await seedDemo(demo, 'a-demo-password');
		const baselines = await listPopulationBaselines(demo, '00000000-0000-4000-8000-000000000001');
		await demo.close();
		expect(baselines).toHaveLength(1);
		// women+ 4515 and men+ 4365 of all ages, less 465 and 460 aged 0 to 14 (real counts)
		expect(baselines[0]).toMatchObject({
			dimension: 'gender',
			counts: { woman: 4050, man: 3905 },
			source: 'census_profile',
			year: 2021,
			geography: [{ code: '10010001', name: '10010001' }]
		});
		expect(baselines[0].sourceLabel).toMatch(/10010001.*demo/);
	});
});

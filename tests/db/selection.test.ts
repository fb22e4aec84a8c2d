import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeprivationFile } from '../../src/lib/domain/selection/deprivation';
import type { Db } from '../../src/lib/server/db/types';
import { createCommunityFromAreas } from '../../src/lib/server/selection/create-community-from-areas';
import { importDeprivationFile } from '../../src/lib/server/selection/import-deprivation-file';
import {
	listDeprivationAreas,
	listDeprivationImports
} from '../../src/lib/server/selection/list-deprivation-areas';
import { listCommunityAreas } from '../../src/lib/server/selection/list-community-areas';
import { setReadinessNote } from '../../src/lib/server/selection/set-readiness-note';
import { DENIED, as, communities, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const reading = readDeprivationFile(
	readFileSync(new URL('../fixtures/deprivation/deprivation_sample.csv', import.meta.url), 'utf8')
);
if (!reading.ok) throw new Error('the sample should read');
const file = { fileName: 'deprivation_sample.csv', ...reading };
const form = (slug: string) => ({
	slug,
	nameEn: 'North End',
	nameFr: 'North End',
	region: 'Halifax',
	defaultLanguage: 'en' as const
});

describe.each(drivers)('choosing where to work on %s', (driver) => {
	let db: Db;
	let importId = '';

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
	});
	afterAll(() => db.close());

	it('keeps an imported file in its importer’s own workspace', async () => {
		const stored = await as(db, people.organizerA, (tx) => importDeprivationFile(tx, file));
		expect(stored.areas).toBe(135);
		importId = stored.id;
		const mine = await as(db, people.organizerA, (tx) => listDeprivationImports(tx));
		expect(mine).toEqual([
			expect.objectContaining({ id: importId, areas: 135, computedQuintiles: true })
		]);
		// nobody else reads them, not even the owner of the importer's community
		for (const who of [people.ownerA, people.outsider])
			expect(await as(db, who, (tx) => listDeprivationAreas(tx, importId))).toEqual([]);
		await expect(
			as(db, null, (tx) => tx.query('select * from public.deprivation_areas'))
		).rejects.toThrow(DENIED);
		await expect(as(db, null, (tx) => importDeprivationFile(tx, file))).rejects.toThrow(DENIED);
		// nobody can import into someone else's workspace
		await expect(
			as(db, people.outsider, (tx) =>
				tx.query(
					'insert into public.deprivation_imports (owner_id, dimensions, computed_quintiles) values ($1, $2, true)',
					[people.organizerA, ['material']]
				)
			)
		).rejects.toThrow(DENIED);
	});

	it('notes readiness only on one’s own areas', async () => {
		const [area] = await as(db, people.organizerA, (tx) => listDeprivationAreas(tx, importId));
		expect(await as(db, people.outsider, (tx) => setReadinessNote(tx, area.id, 'x'))).toBe(false);
		expect(
			await as(db, people.organizerA, (tx) =>
				setReadinessNote(tx, area.id, 'Tenants’ association keen')
			)
		).toBe(true);
	});

	it('creates a community from chosen areas and records them for its team', async () => {
		const areas = await as(db, people.organizerA, (tx) => listDeprivationAreas(tx, importId));
		const chosen = areas.slice(0, 3).map((a) => a.id);
		// someone else's areas are not theirs to choose
		expect(
			await as(db, people.outsider, (tx) => createCommunityFromAreas(tx, form('north-end'), chosen))
		).toEqual({ ok: false, field: 'areas', error: 'areas.errors.none_chosen' });
		expect(
			await as(db, people.organizerA, (tx) =>
				createCommunityFromAreas(tx, form('community-a'), chosen)
			)
		).toMatchObject({ ok: false, field: 'slug' });
		expect(
			await as(db, people.organizerA, (tx) =>
				createCommunityFromAreas(tx, form('north-end'), chosen)
			)
		).toEqual({ ok: true, slug: 'north-end' });
		const [{ id }] = await db.query<{ id: string }>(
			"select id from public.communities where slug = 'north-end'"
		);
		const recorded = await as(db, people.organizerA, (tx) => listCommunityAreas(tx, id));
		expect(recorded.map((a) => a.dauid)).toEqual(areas.slice(0, 3).map((a) => a.dauid));
		expect(recorded[0].readinessNote).toBe('Tenants’ association keen');
		expect(await as(db, people.ownerA, (tx) => listCommunityAreas(tx, id))).toEqual([]);
		await expect(
			as(db, people.ownerA, (tx) =>
				tx.query(
					"insert into public.community_areas (community_id, dauid) values ($1, '12345678')",
					[id]
				)
			)
		).rejects.toThrow(DENIED);
		await expect(
			as(db, people.volunteerA, (tx) =>
				tx.query(
					"insert into public.community_areas (community_id, dauid) values ($1, '12345678')",
					[communities.A]
				)
			)
		).rejects.toThrow(DENIED);
	});
});

import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaireDefinition } from '../../src/lib/domain/questionnaires';
import { seedDemo } from '../../src/lib/server/db/seed-demo';
import type { Db } from '../../src/lib/server/db/types';
import { importPaperResponses } from '../../src/lib/server/questionnaires/import-paper-responses';
import { loadQuestionnaire } from '../../src/lib/server/questionnaires/load-questionnaire';
import { as, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const DEMO = '00000000-0000-4000-8000-000000000100';
const DEMO_COMMUNITY = '00000000-0000-4000-8000-000000000001';

const fileText = `Q1,Q2,Q3,Q4,Q6,Q10
Less than a year,4,7,housing;Safety,oui,25 to 34
De 1 à 5 ans,2,9,,non,prefer_not_to_say
Maybe,2,,,yes,`;

describe.each(drivers)('paper import on %s', (driver) => {
	let db: Db;
	let ownerId: string;
	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await seedDemo(db, 'a-demo-password');
		const [owner] = await db.query<{ user_id: string }>(
			`select user_id from public.memberships where community_id = $1`,
			[DEMO_COMMUNITY]
		);
		ownerId = owner.user_id;
		await db.query(
			`insert into public.memberships (community_id, user_id, role) values ($1, $2, 'volunteer'), ($1, $3, 'analyst')`,
			[DEMO_COMMUNITY, people.volunteerA, people.analystA]
		);
	});
	afterAll(() => db.close());

	const run = (who: string, mode: 'dry_run' | 'all' | 'valid_only') =>
		as(db, who, async (tx) => {
			const loaded = await loadQuestionnaire(tx, { id: DEMO });
			return importPaperResponses(tx, {
				questionnaireId: DEMO,
				definition: questionnaireDefinition.parse(loaded!.definition),
				sheet: Papa.parse<string[]>(fileText).data,
				fileText,
				language: 'fr',
				mode
			});
		});
	const paperCount = async () =>
		(
			await db.query<{ n: number }>(
				`select count(*)::int as n from public.responses where channel = 'paper'`
			)
		)[0].n;

	it('a dry run lists the problems and stores nothing', async () => {
		const result = await run(ownerId, 'dry_run');
		expect(result.imported).toBe(0);
		expect(result.reading.valid).toHaveLength(2);
		expect(result.reading.problems).toEqual([
			{ row: 4, column: 'Q1', value: 'Maybe', error: 'answer_errors.not_an_option' }
		]);
		expect(await paperCount()).toBe(0);
	});

	it('"import all" refuses a file with any problem; "valid only" imports the rest once', async () => {
		expect((await run(ownerId, 'all')).imported).toBe(0);
		expect(await paperCount()).toBe(0);
		expect(await run(people.volunteerA, 'valid_only')).toMatchObject({
			imported: 2,
			duplicates: 0
		});
		expect(await run(ownerId, 'valid_only')).toMatchObject({ imported: 0, duplicates: 2 });
		expect(await paperCount()).toBe(2);
		const [demo] = await db.query<{ n: number }>(
			`select count(*)::int as n from public.demographic_answers d join public.responses r on r.id = d.response_id
			where r.channel = 'paper' and d.dimension = 'age_group'`
		);
		expect(demo.n).toBe(2);
	});

	it('analysts, other teams and anon cannot enter responses', async () => {
		await expect(run(people.analystA, 'valid_only')).rejects.toThrow(/only the team/);
		await expect(run(people.ownerB, 'valid_only')).rejects.toThrow(/only the team|questionnaire/);
		await expect(
			as(db, null, (tx) =>
				tx.query(
					`select public.import_response(gen_random_uuid(), $1, 'paper', 'en', '{}'::jsonb, '{}'::jsonb)`,
					[DEMO]
				)
			)
		).rejects.toThrow(DENIED);
	});
});

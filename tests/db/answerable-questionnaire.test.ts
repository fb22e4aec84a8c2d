import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/db/seed-demo';
import type { Db } from '../../src/lib/server/db/types';
import { loadAnswerableQuestionnaire } from '../../src/lib/server/questionnaires/load-answerable-questionnaire';
import { as } from './fixtures';
import { drivers, migratedDb } from './harness';

/** The demo questionnaire (supabase/seed.sql) and its questions, by their number there. */
const QUESTIONNAIRE = '00000000-0000-4000-8000-000000000100';
const Q = (n: number) => `00000000-0000-4000-8000-000000000${n}`;

describe.each(drivers)('the answerable questionnaire kept in memory, on %s', (driver) => {
	let db: Db;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedDemo(db, 'a-demo-password');
	});
	afterAll(() => db.close());

	const load = () => as(db, null, (tx) => loadAnswerableQuestionnaire(tx, { slug: 'vanier-2026' }));
	const version = async () =>
		(
			await db.query<{ v: string }>(
				'select definition_version as v from public.questionnaires where id = $1',
				[QUESTIONNAIRE]
			)
		)[0].v;

	it('serves every edit at once, whoever made it (here: straight in SQL)', async () => {
		const first = await load();
		expect(first!.definition!.sections[0].questions[0].prompt.en).not.toBe('Changed');
		// the same, unchanged: the same parsed object
		expect((await load())!.definition).toBe(first!.definition);

		await db.query(
			`update public.questions set prompt = '{"en":"Changed","fr":"Changé"}' where id = $1`,
			[Q(111)]
		);
		const edited = await load();
		expect(edited!.definition!.sections[0].questions[0].prompt).toEqual({
			en: 'Changed',
			fr: 'Changé'
		});
		expect(edited!.loaded.meta.definitionVersion).not.toBe(first!.loaded.meta.definitionVersion);
	});

	it('changes the version with the title, sections and questions, not with the status', async () => {
		let before = await version();
		await db.query(`update public.questionnaires set status = 'closed' where id = $1`, [
			QUESTIONNAIRE
		]);
		await db.query(`update public.questionnaires set status = 'open' where id = $1`, [
			QUESTIONNAIRE
		]);
		expect(await version()).toBe(before);

		const changes = [
			`update public.questionnaires set title = '{"en":"New","fr":"Nouveau"}' where id = $1`,
			`update public.questionnaire_sections set position = position where questionnaire_id = $1`,
			`insert into public.questionnaire_sections (questionnaire_id, position, title)
				values ($1, 99, '{"en":"More","fr":"Plus"}')`,
			`delete from public.questionnaire_sections where questionnaire_id = $1 and position = 99`,
			`update public.questions set required = not required where questionnaire_id = $1`
		];
		for (const change of changes) {
			await db.query(change, [QUESTIONNAIRE]);
			const after = await version();
			expect(after, change).not.toBe(before);
			before = after;
		}
	});

	it('shows residents nothing of a questionnaire that is not open', async () => {
		await db.query(`update public.questionnaires set status = 'draft' where id = $1`, [
			QUESTIONNAIRE
		]);
		try {
			expect(await load()).toBeNull();
		} finally {
			await db.query(`update public.questionnaires set status = 'open' where id = $1`, [
				QUESTIONNAIRE
			]);
		}
		expect(await load()).not.toBeNull();
	});
});

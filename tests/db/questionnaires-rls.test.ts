import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/types';
import { as, communities, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A, B } = communities;
const ids = {
	draftA: 'a1000000-0000-4000-8000-000000000001',
	openA: 'a1000000-0000-4000-8000-000000000002',
	closedA: 'a1000000-0000-4000-8000-000000000003',
	openB: 'b1000000-0000-4000-8000-000000000001',
	sectionOpenA: 'a2000000-0000-4000-8000-000000000002',
	questionOpenA: 'a3000000-0000-4000-8000-000000000002',
	questionOpenB: 'b3000000-0000-4000-8000-000000000001',
	responseA: 'a4000000-0000-4000-8000-000000000001'
};

async function seedQuestionnaires(db: Db) {
	await db.transaction(async (tx) => {
		const questionnaires: [string, string, string, string][] = [
			[ids.draftA, A, 'draft-a', 'draft'],
			[ids.openA, A, 'open-a', 'open'],
			[ids.closedA, A, 'closed-a', 'closed'],
			[ids.openB, B, 'open-b', 'open']
		];
		for (const [id, community, slug, status] of questionnaires) {
			await tx.query(
				`insert into public.questionnaires (id, community_id, slug, title, status)
				values ($1, $2, $3, '{"en":"T","fr":"T"}', $4)`,
				[id, community, slug, status]
			);
			await tx.query(
				`insert into public.questionnaire_sections (id, questionnaire_id, position) values ($1, $2, 0)`,
				[id === ids.openA ? ids.sectionOpenA : id.replace(/^(..)1/, '$12'), id]
			);
		}
		await tx.query(
			`insert into public.questions (id, questionnaire_id, section_id, position, type, prompt)
			values ($1, $2, $3, 0, 'yes_no', '{"en":"Q","fr":"Q"}')`,
			[ids.questionOpenA, ids.openA, ids.sectionOpenA]
		);
		await tx.query(
			`insert into public.questions (id, questionnaire_id, section_id, position, type, prompt)
			values ($1, $2, $3, 0, 'yes_no', '{"en":"Q","fr":"Q"}')`,
			[ids.questionOpenB, ids.openB, ids.openB.replace(/^(..)1/, '$12')]
		);
	});
}

const save = (
	db: Db,
	userId: string | null,
	questionnaire: string,
	answers: object,
	id: string = crypto.randomUUID(),
	receipt: string = id
) =>
	as(db, userId, async (tx) => {
		const [row] = await tx.query<{ outcome: string }>(
			`select public.save_response($1, $2, 'online', 'fr', $3, $4::jsonb, $5::jsonb) as outcome`,
			[id, questionnaire, receipt, JSON.stringify(answers), JSON.stringify({ age_group: '25_34' })]
		);
		return row.outcome;
	});

describe.each(drivers)('questionnaire and response security on %s', (driver) => {
	let db: Db;
	const count = async (userId: string | null, sql: string, params: unknown[] = []) =>
		(await as(db, userId, (tx) => tx.query(sql, params))).length;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await seedQuestionnaires(db);
	});
	afterAll(() => db.close());

	describe('questionnaires, sections and questions', () => {
		it('anyone reads open questionnaires with their sections and questions, nothing else', async () => {
			expect(await count(null, 'select id from public.questionnaires order by slug')).toBe(2);
			expect(
				await count(null, 'select 1 from public.questionnaires where id = $1', [ids.draftA])
			).toBe(0);
			expect(await count(null, 'select 1 from public.questionnaire_sections')).toBe(2);
			expect(await count(null, 'select 1 from public.questions')).toBe(2);
			// and the public name of their community, not its other columns
			expect(await count(null, 'select name from public.communities')).toBe(2);
			await expect(count(null, 'select suppression_k from public.communities')).rejects.toThrow(
				DENIED
			);
		});

		it('members read all their community’s questionnaires, not another’s drafts', async () => {
			expect(
				await count(
					people.volunteerA,
					'select 1 from public.questionnaires where community_id = $1',
					[A]
				)
			).toBe(3);
			expect(
				await count(people.ownerB, 'select 1 from public.questionnaires where id = $1', [
					ids.draftA
				])
			).toBe(0);
			expect(
				await count(
					people.ownerB,
					'select 1 from public.questionnaire_sections where questionnaire_id = $1',
					[ids.draftA]
				)
			).toBe(0);
		});

		it('owners and organizers create and edit; analysts, volunteers, other teams and anon cannot', async () => {
			const create = (who: string | null, community: string, slug: string) =>
				as(db, who, (tx) =>
					tx.query(
						`insert into public.questionnaires (community_id, slug, title) values ($1, $2, '{"en":"N","fr":"N"}')`,
						[community, slug]
					)
				);
			await create(people.organizerA, A, 'by-organizer');
			await create(people.ownerA, A, 'by-owner');
			for (const [who, slug] of [
				[people.analystA, 'by-analyst'],
				[people.volunteerA, 'by-volunteer'],
				[people.ownerB, 'by-other-team'],
				[null, 'by-anon']
			] as const) {
				await expect(create(who, A, slug)).rejects.toThrow(DENIED);
			}
			const rename = (who: string) =>
				count(who, `update public.questions set required = true where id = $1 returning 1`, [
					ids.questionOpenA
				]);
			expect(await rename(people.analystA)).toBe(0);
			expect(await rename(people.ownerB)).toBe(0);
			expect(await rename(people.organizerA)).toBe(1);
			await expect(
				as(db, null, (tx) =>
					tx.query('delete from public.questions where id = $1', [ids.questionOpenA])
				)
			).rejects.toThrow(DENIED);
		});
	});

	describe('responses', () => {
		it('anyone saves a response to an open questionnaire, once per id', async () => {
			const answers = { [ids.questionOpenA]: 'yes' };
			expect(await save(db, null, ids.openA, answers, ids.responseA, 'receipt-a')).toBe('created');
			expect(await save(db, null, ids.openA, answers, ids.responseA, 'someone-else')).toBe(
				'duplicate'
			);
			expect(
				await save(db, null, ids.openA, { [ids.questionOpenA]: 'no' }, ids.responseA, 'receipt-a')
			).toBe('updated');
			const [stored] = await db.query<{ n: number; value: string }>(
				`select count(*)::int as n, max(value #>> '{}') as value from public.answers where response_id = $1`,
				[ids.responseA]
			);
			expect(stored).toEqual({ n: 1, value: 'no' });
		});

		it('refuses drafts, closed questionnaires and questions of another questionnaire', async () => {
			await expect(save(db, null, ids.draftA, {})).rejects.toThrow(/not taking answers/);
			await expect(save(db, null, ids.closedA, {})).rejects.toThrow(/not taking answers/);
			await expect(save(db, null, ids.openA, { [ids.questionOpenB]: 'yes' })).rejects.toThrow(
				/another questionnaire/
			);
		});

		it('nobody writes responses directly', async () => {
			for (const who of [null, people.ownerA]) {
				await expect(
					as(db, who, (tx) =>
						tx.query(
							`insert into public.responses (id, questionnaire_id, community_id, language, receipt_hash)
							values (gen_random_uuid(), $1, $2, 'en', 'x')`,
							[ids.openA, A]
						)
					)
				).rejects.toThrow(DENIED);
			}
			await expect(
				as(db, people.ownerA, (tx) => tx.query(`update public.answers set value = '"yes"'`))
			).rejects.toThrow(DENIED);
		});

		it('owners, organizers and analysts read responses; volunteers, other teams and anon do not', async () => {
			for (const who of [people.ownerA, people.organizerA, people.analystA]) {
				expect(await count(who, 'select 1 from public.responses')).toBe(1);
				expect(await count(who, 'select 1 from public.answers')).toBe(1);
				expect(await count(who, 'select 1 from public.demographic_answers')).toBe(1);
			}
			for (const who of [people.volunteerA, people.ownerB]) {
				expect(await count(who, 'select 1 from public.responses')).toBe(0);
				expect(await count(who, 'select 1 from public.answers')).toBe(0);
				expect(await count(who, 'select 1 from public.demographic_answers')).toBe(0);
			}
			await expect(count(null, 'select 1 from public.responses')).rejects.toThrow(DENIED);
			await expect(count(null, 'select 1 from public.demographic_answers')).rejects.toThrow(DENIED);
		});

		it('the receipt holder sees and deletes their response; a wrong receipt finds nothing', async () => {
			expect(await count(null, 'select * from public.response_by_receipt($1)', ['wrong'])).toBe(0);
			const [mine] = await as(db, null, (tx) =>
				tx.query<{ answers: Record<string, string>; demographics: Record<string, string> }>(
					'select * from public.response_by_receipt($1)',
					['receipt-a']
				)
			);
			expect(mine.answers).toEqual({ [ids.questionOpenA]: 'no' });
			expect(mine.demographics).toEqual({ age_group: '25_34' });
			expect(await count(people.organizerA, 'delete from public.responses returning 1')).toBe(0);
			const [deleted] = await as(db, null, (tx) =>
				tx.query<{ ok: boolean }>('select public.delete_response_by_receipt($1) as ok', [
					'receipt-a'
				])
			);
			expect(deleted.ok).toBe(true);
			expect(
				await db.query('select 1 from public.answers where response_id = $1', [ids.responseA])
			).toEqual([]);
		});

		it('owners delete responses of their community only', async () => {
			await save(db, null, ids.openB, { [ids.questionOpenB]: 'yes' });
			expect(
				await count(
					people.ownerA,
					'delete from public.responses where community_id = $1 returning 1',
					[B]
				)
			).toBe(0);
			expect(
				await count(
					people.ownerB,
					'delete from public.responses where community_id = $1 returning 1',
					[B]
				)
			).toBe(1);
		});
	});
});

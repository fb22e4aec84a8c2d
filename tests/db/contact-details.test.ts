import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReceiptCode } from '../../src/lib/domain/responses/receipt';
import type { Db } from '../../src/lib/server/db/types';
import { loadQuestionnaire } from '../../src/lib/server/questionnaires/load-questionnaire';
import { deleteResponseByReceipt } from '../../src/lib/server/questionnaires/response-by-receipt';
import { submitResponse } from '../../src/lib/server/questionnaires/submit-response';
import { listContactDetails } from '../../src/lib/server/responses/list-contact-details';
import { as, asServiceRole, communities, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A, B } = communities;
const ids = {
	openA: 'a1000000-0000-4000-8000-0000000000c1',
	sectionA: 'a2000000-0000-4000-8000-0000000000c1',
	questionA: 'a3000000-0000-4000-8000-0000000000c1',
	openB: 'b1000000-0000-4000-8000-0000000000c1',
	sectionB: 'b2000000-0000-4000-8000-0000000000c1',
	questionB: 'b3000000-0000-4000-8000-0000000000c1'
};

async function seed(db: Db) {
	await seedTwoCommunities(db);
	await db.transaction(async (tx) => {
		for (const [id, community, slug, section, question] of [
			[ids.openA, A, 'contact-a', ids.sectionA, ids.questionA],
			[ids.openB, B, 'contact-b', ids.sectionB, ids.questionB]
		]) {
			await tx.query(
				`insert into public.questionnaires (id, community_id, slug, title, status, offers_contact)
				values ($1, $2, $3, '{"en":"T","fr":"T"}', 'open', true)`,
				[id, community, slug]
			);
			await tx.query(
				`insert into public.questionnaire_sections (id, questionnaire_id, position, title)
				values ($1, $2, 0, '{"en":"S","fr":"S"}')`,
				[section, id]
			);
			await tx.query(
				`insert into public.questions (id, questionnaire_id, section_id, position, type, prompt)
				values ($1, $2, $3, 0, 'yes_no', '{"en":"Q","fr":"Q"}')`,
				[question, id, section]
			);
		}
	});
}

describe.each(drivers)('contact details on %s', (driver) => {
	let db: Db;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seed(db);
	});
	afterAll(() => db.close());

	/** A resident's submission through the server's command, as the pages make it. */
	const submit = (
		questionnaireId: string,
		questionId: string,
		contact?: { name?: string; email?: string; phone?: string },
		{ responseId = crypto.randomUUID(), receipt = newReceiptCode() } = {}
	) =>
		as(db, null, async (tx) => {
			const loaded = await loadQuestionnaire(tx, { id: questionnaireId });
			const result = await submitResponse(tx, loaded!, {
				responseId,
				receipt,
				channel: 'online',
				language: 'fr',
				answers: { [questionId]: 'yes' },
				contact
			});
			return { result, responseId, receipt };
		});
	const stored = async (responseId: string) =>
		db.query<{ name: string | null; email: string | null; phone: string | null }>(
			'select name, email, phone from public.contact_details where response_id = $1',
			[responseId]
		);

	it('keeps them apart from the answers when the questionnaire offers it', async () => {
		const { result, responseId } = await submit(ids.openA, ids.questionA, {
			name: 'Ana',
			email: 'ana@example.org'
		});
		expect(result).toEqual({ ok: true, outcome: 'created' });
		expect(await stored(responseId)).toEqual([
			{ name: 'Ana', email: 'ana@example.org', phone: null }
		]);
		const [answers] = await db.query<{ text: string }>(
			`select string_agg(value::text, ' ') as text from public.answers where response_id = $1`,
			[responseId]
		);
		expect(answers.text).not.toContain('ana@example.org');
	});

	it('replaces them when the author changes the response, and ignores a retry', async () => {
		const first = await submit(ids.openA, ids.questionA, { phone: '613 555 0100' });
		const again = { responseId: first.responseId, receipt: first.receipt };
		await submit(ids.openA, ids.questionA, { phone: '613 555 0199' }, again);
		expect(await stored(first.responseId)).toEqual([
			{ name: null, email: null, phone: '613 555 0199' }
		]);
		// the same id with another receipt is not its author: nothing changes
		await submit(
			ids.openA,
			ids.questionA,
			{ phone: '819 555 0000' },
			{
				responseId: first.responseId
			}
		);
		expect((await stored(first.responseId))[0].phone).toBe('613 555 0199');
	});

	it('stores none when the questionnaire does not offer it', async () => {
		await db.query('update public.questionnaires set offers_contact = false where id = $1', [
			ids.openB
		]);
		try {
			const { result, responseId } = await submit(ids.openB, ids.questionB, {
				email: 'bo@example.org'
			});
			expect(result).toMatchObject({ ok: true });
			expect(await stored(responseId)).toEqual([]);
		} finally {
			await db.query('update public.questionnaires set offers_contact = true where id = $1', [
				ids.openB
			]);
		}
	});

	it('are deleted with the response, by its author through the receipt', async () => {
		const { responseId, receipt } = await submit(ids.openA, ids.questionA, {
			email: 'gone@example.org'
		});
		expect(await as(db, null, (tx) => deleteResponseByReceipt(tx, receipt))).toBe(true);
		expect(await stored(responseId)).toEqual([]);
	});

	it('only owners of the community read them; organizers, analysts, volunteers, other teams and anon do not', async () => {
		await submit(ids.openB, ids.questionB, { email: 'b@example.org' });
		const read = (who: string | null) =>
			as(db, who, (tx) => tx.query<{ email: string }>('select email from public.contact_details'));
		const emailsOf = async (who: string | null) => (await read(who)).map((row) => row.email);

		expect(await emailsOf(people.ownerA)).toContain('ana@example.org');
		expect(await emailsOf(people.ownerA)).not.toContain('b@example.org');
		expect(await emailsOf(people.ownerB)).toEqual(['b@example.org']);
		for (const who of [people.organizerA, people.analystA, people.volunteerA, people.outsider])
			expect(await read(who)).toEqual([]);
		await expect(read(null)).rejects.toThrow(DENIED);
		expect(
			(await as(db, people.ownerA, (tx) => listContactDetails(tx, ids.openA))).length
		).toBeGreaterThan(0);
		expect(await as(db, people.organizerA, (tx) => listContactDetails(tx, ids.openA))).toEqual([]);
	});

	it('nobody writes them directly; only owners delete them', async () => {
		const { responseId } = await submit(ids.openA, ids.questionA, { email: 'x@example.org' });
		for (const who of [null, people.ownerA, people.organizerA]) {
			await expect(
				as(db, who, (tx) =>
					tx.query(
						`insert into public.contact_details (response_id, community_id, email) values ($1, $2, 'y@example.org')`,
						[responseId, A]
					)
				)
			).rejects.toThrow(DENIED);
			await expect(
				as(db, who, (tx) => tx.query(`update public.contact_details set email = 'z@example.org'`))
			).rejects.toThrow(DENIED);
		}
		const remove = (who: string) =>
			as(db, who, (tx) =>
				tx.query('delete from public.contact_details where response_id = $1 returning 1', [
					responseId
				])
			);
		for (const who of [people.organizerA, people.analystA, people.volunteerA, people.ownerB])
			expect(await remove(who)).toEqual([]);
		await expect(
			as(db, null, (tx) => tx.query('delete from public.contact_details'))
		).rejects.toThrow(DENIED);
		expect(await remove(people.ownerA)).toEqual([{ '?column?': 1 }]);
		expect(
			await asServiceRole(db, (tx) => tx.query('select 1 from public.contact_details'))
		).not.toEqual([]);
	});

	it('cannot be attached to someone else’s response without its receipt', async () => {
		const { responseId } = await submit(ids.openA, ids.questionA);
		const [row] = await as(db, null, (tx) =>
			tx.query<{ kept: boolean }>(
				`select public.save_contact_details($1, 'not-its-receipt', null, 'm@example.org', null) as kept`,
				[responseId]
			)
		);
		expect(row.kept).toBe(false);
		expect(await stored(responseId)).toEqual([]);
	});
});

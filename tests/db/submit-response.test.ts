import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReceiptCode } from '../../src/lib/domain/responses/receipt';
import { seedDemo } from '../../src/lib/server/db/seed-demo';
import type { Db, Statement, Tx } from '../../src/lib/server/db/types';
import { withUserPipeline } from '../../src/lib/server/db/with-user';
import { loadQuestionnaire } from '../../src/lib/server/questionnaires/load-questionnaire';
import {
	deleteResponseByReceipt,
	responseByReceipt
} from '../../src/lib/server/questionnaires/response-by-receipt';
import { hashToken } from '../../src/lib/server/auth/tokens';
import {
	submissionWriter,
	submitGrouped
} from '../../src/lib/server/questionnaires/submit-grouped';
import {
	checkSubmission,
	saveCheckedSubmissions,
	submissionRefusal,
	submitResponse,
	type Submission
} from '../../src/lib/server/questionnaires/submit-response';
import { as } from './fixtures';
import { drivers, migratedDb } from './harness';

/** The demo questionnaire (supabase/seed.sql) and its questions, by their number there. */
const QUESTIONNAIRE = '00000000-0000-4000-8000-000000000100';
const Q = (n: number) => `00000000-0000-4000-8000-000000000${n}`;

/** Every question answered as a form posts it; 116 (yes) shows 117. */
const complete: Record<string, unknown> = {
	[Q(111)]: '1_5',
	[Q(112)]: '4',
	[Q(113)]: '7',
	[Q(114)]: ['housing', 'parks'],
	[Q(115)]: { housing: '1', transit: '2', jobs: '3' },
	[Q(116)]: 'yes',
	[Q(117)]: 'Community garden',
	[Q(118)]: '3',
	[Q(119)]: 'More trees\r\non Montreal Road',
	[Q(121)]: '25_34',
	[Q(122)]: 'french',
	[Q(123)]: 'renter'
};

describe.each(drivers)('answering the demo questionnaire on %s', (driver) => {
	let db: Db;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedDemo(db, 'a-demo-password');
	});
	afterAll(() => db.close());

	/** Submits as a resident (anon), as the answering page does. */
	const submit = (
		answers: Record<string, unknown>,
		{ responseId = crypto.randomUUID(), receipt = newReceiptCode() } = {}
	) =>
		as(db, null, async (tx) => {
			const questionnaire = await loadQuestionnaire(tx, { slug: 'vanier-2026' });
			return submitResponse(tx, questionnaire!, {
				responseId,
				receipt,
				channel: 'online',
				language: 'fr',
				answers
			});
		});

	/** Rows on the server's own connection (no RLS). */
	const counts = async () => {
		const [row] = await db.query<{ responses: number; answers: number; demographics: number }>(
			`select (select count(*) from public.responses)::int as responses,
				(select count(*) from public.answers)::int as answers,
				(select count(*) from public.demographic_answers)::int as demographics`
		);
		return row;
	};
	const stored = async (responseId: string) =>
		Object.fromEntries(
			(
				await db.query<{ question_id: string; value: unknown }>(
					'select question_id, value from public.answers where response_id = $1',
					[responseId]
				)
			).map((row) => [row.question_id, row.value])
		);
	const lookUp = (receipt: string) => as(db, null, (tx) => responseByReceipt(tx, receipt));

	it('saves a complete response, answers in their stored form, demographics apart', async () => {
		const before = await counts();
		const responseId = crypto.randomUUID();
		expect(await submit(complete, { responseId })).toEqual({ ok: true, outcome: 'created' });
		expect(await counts()).toEqual({
			responses: before.responses + 1,
			answers: before.answers + 9,
			demographics: before.demographics + 3
		});
		expect(await stored(responseId)).toEqual({
			[Q(111)]: '1_5',
			[Q(112)]: 4,
			[Q(113)]: 7,
			[Q(114)]: ['housing', 'parks'],
			[Q(115)]: ['housing', 'transit', 'jobs'],
			[Q(116)]: 'yes',
			[Q(117)]: 'Community garden',
			[Q(118)]: 3,
			[Q(119)]: 'More trees\non Montreal Road'
		});
		const [response] = await db.query<{ channel: string; language: string }>(
			'select channel, language from public.responses where id = $1',
			[responseId]
		);
		expect(response).toEqual({ channel: 'online', language: 'fr' });
	});

	it('saves a response once, however many times it is sent', async () => {
		const responseId = crypto.randomUUID();
		const receipt = newReceiptCode();
		expect(await submit(complete, { responseId, receipt })).toMatchObject({ outcome: 'created' });
		const before = await counts();
		// A refresh or a double tap sends the same id and receipt again: nothing new.
		expect(await submit(complete, { responseId, receipt })).toEqual({
			ok: true,
			outcome: 'updated'
		});
		// The same id with another receipt is somebody replaying it: refused as a duplicate.
		expect(
			await submit({ ...complete, [Q(111)]: 'over_10' }, { responseId, receipt: newReceiptCode() })
		).toEqual({ ok: true, outcome: 'duplicate' });
		expect(await counts()).toEqual(before);
		const [{ count }] = await db.query<{ count: number }>(
			'select count(*)::int as count from public.responses where id = $1',
			[responseId]
		);
		expect(count).toBe(1);
		expect((await stored(responseId))[Q(111)]).toBe('1_5');
	});

	it('stores nothing when a required answer is missing', async () => {
		const before = await counts();
		const rest = { ...complete };
		delete rest[Q(111)];
		expect(await submit(rest)).toEqual({
			ok: false,
			errors: { [Q(111)]: 'answer_errors.required' }
		});
		expect(await submit({ ...complete, [Q(118)]: '300' })).toEqual({
			ok: false,
			errors: { [Q(118)]: 'answer_errors.out_of_range' }
		});
		expect(await counts()).toEqual(before);
	});

	it('drops the answer to a question its condition hides', async () => {
		const responseId = crypto.randomUUID();
		expect(await submit({ ...complete, [Q(116)]: 'no' }, { responseId })).toMatchObject({
			outcome: 'created'
		});
		const answers = await stored(responseId);
		expect(answers[Q(116)]).toBe('no');
		expect(answers).not.toHaveProperty(Q(117));
	});

	it('lets the receipt holder see, change and delete their response', async () => {
		const responseId = crypto.randomUUID();
		const receipt = newReceiptCode();
		await submit(complete, { responseId, receipt });

		const seen = await lookUp(receipt.toLowerCase().replace(/-/g, ' '));
		expect(seen).toMatchObject({
			responseId,
			questionnaireId: QUESTIONNAIRE,
			language: 'fr',
			demographics: {
				age_group: '25_34',
				first_official_language: 'french',
				housing_tenure: 'renter'
			}
		});
		expect(seen!.answers[Q(112)]).toBe(4);
		expect(await lookUp('ABCD-EFGH-JKMN')).toBeNull();
		expect(await lookUp('not a code')).toBeNull();

		const changed = { ...complete, [Q(112)]: '2', [Q(116)]: 'no' };
		expect(await submit(changed, { responseId, receipt })).toEqual({
			ok: true,
			outcome: 'updated'
		});
		const after = await lookUp(receipt);
		expect(after!.answers[Q(112)]).toBe(2);
		expect(after!.answers).not.toHaveProperty(Q(117));

		expect(await as(db, null, (tx) => deleteResponseByReceipt(tx, 'ABCD-EFGH-JKMN'))).toBe(false);
		expect(await as(db, null, (tx) => deleteResponseByReceipt(tx, receipt))).toBe(true);
		expect(await lookUp(receipt)).toBeNull();
		expect(await stored(responseId)).toEqual({});
		expect(await as(db, null, (tx) => deleteResponseByReceipt(tx, receipt))).toBe(false);
	});

	it('never throws on hostile answers, and stores a whole response or nothing', async () => {
		const ids = Object.keys(complete);
		const hostile = fc.oneof(
			fc.anything({ maxDepth: 3 }),
			fc.string({ unit: 'binary', maxLength: 200 }),
			fc.constant('x'.repeat(100_000)),
			fc.constant('é'.repeat(25_000)),
			fc.array(fc.string(), { maxLength: 60 }),
			fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
			fc.double(),
			fc.constantFrom(null, true, false, '@other', { other: '' }, { selected: 'housing' })
		);
		const payload = fc
			.tuple(
				fc.subarray(ids),
				fc.dictionary(fc.oneof(fc.constantFrom(...ids), fc.string()), hostile, {
					maxKeys: 15
				})
			)
			.map(([keep, noise]) => ({
				...Object.fromEntries(keep.map((id) => [id, complete[id]])),
				...noise
			}));
		await fc.assert(
			fc.asyncProperty(payload, async (answers) => {
				const before = await counts();
				const responseId = crypto.randomUUID();
				const result = await submit(answers, { responseId });
				const after = await counts();
				if (result.ok) {
					expect(result.outcome).toBe('created');
					expect(after.responses).toBe(before.responses + 1);
					const saved = await stored(responseId);
					expect(after.answers - before.answers).toBe(Object.keys(saved).length);
				} else {
					expect(after).toEqual(before);
				}
			}),
			{ numRuns: driver === 'pglite' ? 150 : 100 }
		);
	});

	it('refuses answers once the questionnaire has closed, and keeps receipts closed too', async () => {
		const receipt = newReceiptCode();
		await submit(complete, { receipt });
		// Loaded while open, like a page someone is still answering.
		const loaded = await as(db, null, (tx) => loadQuestionnaire(tx, { slug: 'vanier-2026' }));
		await db.query(`update public.questionnaires set status = 'closed' where id = $1`, [
			QUESTIONNAIRE
		]);
		try {
			const before = await counts();
			const late = await as(db, null, (tx) =>
				submitResponse(tx, loaded!, {
					responseId: crypto.randomUUID(),
					receipt: newReceiptCode(),
					channel: 'online',
					language: 'en',
					answers: complete
				})
			);
			expect(late).toEqual({ ok: false, reason: 'closed' });
			// Residents cannot read it any more.
			expect(await as(db, null, (tx) => loadQuestionnaire(tx, { slug: 'vanier-2026' }))).toBeNull();
			expect(await counts()).toEqual(before);
			expect(await lookUp(receipt)).toBeNull();
			expect(await as(db, null, (tx) => deleteResponseByReceipt(tx, receipt))).toBe(false);
		} finally {
			await db.query(`update public.questionnaires set status = 'open' where id = $1`, [
				QUESTIONNAIRE
			]);
		}
	});

	describe('saved together (group commit)', () => {
		const writer = submissionWriter();
		/** An anonymous request's locals, as hooks.server.ts makes them. */
		const resident = {
			user: null,
			asUser: <T>(fn: (tx: Tx) => Promise<T>) => as(db, null, fn),
			asUserPipeline: (statements: readonly Statement[]) =>
				withUserPipeline(db, { role: 'anon' }, statements)
		};
		const submission = (over: Partial<Submission> = {}): Submission => ({
			responseId: crypto.randomUUID(),
			receipt: newReceiptCode(),
			channel: 'online',
			language: 'en',
			answers: complete,
			...over
		});
		/** Sends all at once, as concurrent requests; each settles with its own outcome. */
		const sendAll = (all: Submission[]) =>
			Promise.allSettled(all.map((one) => submitGrouped(resident, 'vanier-2026', one, writer)));
		const responseCount = async (ids: string[]) =>
			(
				await db.query<{ n: number }>(
					'select count(*)::int as n from public.responses where id = any($1::uuid[])',
					[`{${ids.join(',')}}`]
				)
			)[0].n;

		it('saves many new responses in one statement, each with all its answers', async () => {
			const before = await counts();
			const all = Array.from({ length: 12 }, () => submission());
			const settled = await sendAll(all);
			expect(settled.every((s) => s.status === 'fulfilled' && s.value.ok)).toBe(true);
			expect(await counts()).toEqual({
				responses: before.responses + 12,
				answers: before.answers + 12 * 9,
				demographics: before.demographics + 12 * 3
			});
			expect(await stored(all[5].responseId)).toMatchObject({ [Q(112)]: 4, [Q(118)]: 3 });
		});

		it('saves a batch in one round trip once the questionnaire is in memory', async () => {
			await sendAll([submission()]); // read once, the full way
			// a transaction of several round trips is not needed any more
			const pipelineOnly = {
				...resident,
				asUser: () => Promise.reject(new Error('read the questionnaire again'))
			};
			const all = Array.from({ length: 3 }, () => submission());
			const settled = await Promise.all(
				all.map((one) => submitGrouped(pipelineOnly, 'vanier-2026', one, writer))
			);
			expect(settled).toEqual(all.map(() => ({ ok: true, outcome: 'created' })));
			expect(await responseCount(all.map((one) => one.responseId))).toBe(3);
		});

		it.runIf(driver === 'postgres')(
			'answers a retry saved meanwhile by another transaction as the update it is',
			async () => {
				await sendAll([submission()]); // the questionnaire in memory: one round trip
				const one = submission();
				const loaded = await as(db, null, (tx) => loadQuestionnaire(tx, { slug: 'vanier-2026' }));
				let release = () => {};
				const held = new Promise<void>((resolve) => (release = resolve));
				// the first try, saved by another transaction that has not committed yet
				const first = as(db, null, async (tx) => {
					await submitResponse(tx, loaded!, one);
					await held;
				});
				await new Promise((resolve) => setTimeout(resolve, 150));
				const retry = submitGrouped(resident, 'vanier-2026', one, writer);
				await new Promise((resolve) => setTimeout(resolve, 150));
				release();
				await first;
				expect(await retry).toEqual({ ok: true, outcome: 'updated' });
				expect(await responseCount([one.responseId])).toBe(1);
			}
		);

		it('checks again against a definition changed since it was read', async () => {
			await sendAll([submission()]);
			const before = await counts();
			// at most two people per household now: the remembered definition allowed 3
			await db.query(`update public.questions set config = $1 where id = $2`, [
				JSON.stringify({ min: 1, max: 2, integer: true }),
				Q(118)
			]);
			try {
				const settled = await sendAll([submission(), submission()]);
				expect(settled.map((s) => s.status === 'fulfilled' && s.value)).toEqual(
					[1, 2].map(() => ({ ok: false, errors: { [Q(118)]: 'answer_errors.out_of_range' } }))
				);
				expect(await counts()).toEqual(before);
			} finally {
				await db.query(`update public.questions set config = $1 where id = $2`, [
					JSON.stringify({ min: 1, max: 20, integer: true }),
					Q(118)
				]);
			}
		});

		it('gives a bad submission its own outcome and saves the others', async () => {
			const taken = submission();
			await sendAll([taken]);
			const before = await counts();
			const good = Array.from({ length: 6 }, () => submission());
			const invalid = submission({ answers: { ...complete, [Q(118)]: '300' } });
			// another response's receipt code: the database refuses it, failing the batch
			const stolen = submission({ receipt: taken.receipt });
			const settled = await sendAll([...good.slice(0, 3), invalid, stolen, ...good.slice(3)]);
			const outcome = (s: PromiseSettledResult<unknown>) =>
				s.status === 'fulfilled' ? s.value : submissionRefusal(s.reason);
			expect(settled.map(outcome)).toEqual([
				...good.slice(0, 3).map(() => ({ ok: true, outcome: 'created' })),
				{ ok: false, errors: { [Q(118)]: 'answer_errors.out_of_range' } },
				{ ok: false, reason: 'invalid' },
				...good.slice(3).map(() => ({ ok: true, outcome: 'created' }))
			]);
			expect(await responseCount(good.map((g) => g.responseId))).toBe(6);
			expect(await responseCount([invalid.responseId, stolen.responseId])).toBe(0);
			expect((await counts()).answers).toBe(before.answers + 6 * 9);
		});

		it('applies the receipt rules to a retry or a double tap in the same batch', async () => {
			const saved = submission();
			await sendAll([saved]);
			const tap = submission();
			const settled = await sendAll([
				tap,
				// the same id and receipt again: the author's own, an update
				{ ...tap, answers: { ...complete, [Q(112)]: '2' } },
				// the same id with another receipt: refused as a duplicate, nothing changes
				{ ...tap, receipt: newReceiptCode(), answers: { ...complete, [Q(112)]: '5' } },
				{ ...saved, answers: { ...complete, [Q(112)]: '1' } },
				{ ...saved, receipt: newReceiptCode() }
			]);
			expect(settled.map((s) => s.status === 'fulfilled' && s.value)).toEqual([
				{ ok: true, outcome: 'created' },
				{ ok: true, outcome: 'updated' },
				{ ok: true, outcome: 'duplicate' },
				{ ok: true, outcome: 'updated' },
				{ ok: true, outcome: 'duplicate' }
			]);
			expect(await responseCount([tap.responseId, saved.responseId])).toBe(2);
			expect((await stored(tap.responseId))[Q(112)]).toBe(2);
			expect((await stored(saved.responseId))[Q(112)]).toBe(1);
		});

		it('says closed, without failing the others, for a questionnaire closed since it was read', async () => {
			const loaded = await as(db, null, (tx) => loadQuestionnaire(tx, { slug: 'vanier-2026' }));
			const checked = [submission(), submission()].map((one) => {
				const result = checkSubmission(loaded!, one);
				if (!result.ok) throw new Error('expected a valid submission');
				return result.checked;
			});
			// the second names a questionnaire that is not open: a draft of another id
			checked[1] = { ...checked[1], questionnaireId: crypto.randomUUID() };
			const outcomes = await as(db, null, (tx) => saveCheckedSubmissions(tx, checked));
			expect(outcomes).toEqual([
				{ ok: true, outcome: 'created' },
				{ ok: false, reason: 'closed' }
			]);
			expect(await responseCount(checked.map((c) => c.submission.responseId))).toBe(1);
		});

		it('answers not_found when residents cannot see the questionnaire', async () => {
			await db.query(`update public.questionnaires set status = 'closed' where id = $1`, [
				QUESTIONNAIRE
			]);
			try {
				const one = submission();
				expect(await sendAll([one, submission()])).toEqual([
					{ status: 'fulfilled', value: { ok: false, reason: 'not_found' } },
					{ status: 'fulfilled', value: { ok: false, reason: 'not_found' } }
				]);
				expect(await responseCount([one.responseId])).toBe(0);
			} finally {
				await db.query(`update public.questionnaires set status = 'open' where id = $1`, [
					QUESTIONNAIRE
				]);
			}
		});

		it('lets anon call save_responses but not write the tables itself', async () => {
			const id = crypto.randomUUID();
			await expect(
				as(db, null, (tx) =>
					tx.query(
						`insert into public.responses (id, questionnaire_id, community_id, language, receipt_hash)
						select $1, id, community_id, 'en', $2 from public.questionnaires where id = $3`,
						[id, hashToken(newReceiptCode()), QUESTIONNAIRE]
					)
				)
			).rejects.toThrow(/permission denied/);
			expect(await responseCount([id])).toBe(0);
		});
	});
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/lib/server/db/seed-demo';
import type { Db, Queryable } from '../../src/lib/server/db/types';
import { as, asServiceRole, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

// The running counts of 20261123000000_response_cube.sql: whatever residents and teams do to
// responses (answer, change, delete by receipt, delete as owner), the counts kept as it happens
// equal the counts rebuilt from the answers, and the aggregates read from them equal a count of
// the rows themselves.

const DEMO = '00000000-0000-4000-8000-000000000100';
const DEMO_COMMUNITY = '00000000-0000-4000-8000-000000000001';
const Q = (n: number) => `00000000-0000-4000-8000-000000000${n}`;

/** A response's stored answers, varied by a seed; some with "other" texts and written answers. */
function answersFor(seed: number) {
	const pick = <T>(values: T[], salt: number) => values[(seed * 7 + salt * 13) % values.length];
	const answers: Record<string, unknown> = {
		[Q(111)]: pick(['under_1', '1_5', '6_10', 'over_10'], 1),
		[Q(112)]: pick([1, 2, 3, 4, 5], 2),
		[Q(114)]: pick(
			[['parks'], { selected: ['food'], other: `ferry ${seed}` }, ['housing', 'safety']],
			3
		),
		[Q(115)]: pick(
			[
				['housing', 'safety', 'green'],
				['jobs', 'transit', 'safety']
			],
			4
		),
		[Q(116)]: pick(['yes', 'no'], 5)
	};
	if (seed % 3 === 0) answers[Q(119)] = `A written answer number ${seed}`;
	const demographics: Record<string, string> = {};
	const age = pick(['25_34', '35_44', 'prefer_not_to_say', null], 6);
	if (age) demographics.age_group = age;
	if (seed % 2 === 0) demographics.housing_tenure = pick(['owner', 'renter'], 7);
	return { answers, demographics, language: seed % 4 === 0 ? 'fr' : 'en' };
}

const SAVE = `select public.save_response($1, $2, $3::public.response_channel,
	$4::public.content_language, $5, $6::jsonb, $7::jsonb) as outcome`;

function saveArguments(slot: number, seed: number, channel: string) {
	const { answers, demographics, language } = answersFor(seed);
	return [
		uuidOf(slot),
		DEMO,
		channel,
		language,
		`receipt-${slot}`,
		JSON.stringify(answers),
		JSON.stringify(demographics)
	];
}

/** Saves in the caller's transaction (tx) or in one of its own as a resident (db). */
const saveIn = (tx: Queryable, slot: number, seed: number, channel: string) =>
	tx.query(SAVE, saveArguments(slot, seed, channel));
const save = (db: Db, slot: number, seed: number, channel: string) =>
	as(db, null, (tx) => saveIn(tx, slot, seed, channel));

/** A submission as save_responses takes it (answers already in their stored form). */
function batchItem(slot: number, seed: number, channel: string) {
	const { answers, demographics, language } = answersFor(seed);
	const receipt = `receipt-${slot}`;
	return {
		id: uuidOf(slot),
		questionnaire: DEMO,
		channel,
		language,
		receipt,
		answers,
		demographics
	};
}

const saveMany = async (tx: Queryable, submissions: ReturnType<typeof batchItem>[]) =>
	tx.query<{ outcomes: string[] }>('select public.save_responses($1::jsonb) as outcomes', [
		JSON.stringify(submissions)
	]);

const uuidOf = (slot: number) => `c0000000-0000-4000-8000-${String(slot).padStart(12, '0')}`;

/** The questionnaire's counts as rows of text, zero counts left out (they count nobody). */
async function counts(tx: Queryable) {
	const profiles = await tx.query<{ row: string }>(
		`select concat_ws(' ', channel, language, demographics::text, respondents) as row
		from public.response_profiles where questionnaire_id = $1 and respondents > 0 order by 1`,
		[DEMO]
	);
	const answers = await tx.query<{ row: string }>(
		`select concat_ws(' ', p.channel, p.language, p.demographics::text, c.question_id, c.value::text,
			sum(c.responses)) as row
		from public.profile_answer_counts c join public.response_profiles p on p.id = c.profile_id
		where p.questionnaire_id = $1 and c.responses > 0
		group by p.channel, p.language, p.demographics, c.question_id, c.value order by 1`,
		[DEMO]
	);
	return [...profiles.map((r) => r.row), ...answers.map((r) => r.row)];
}

describe.each(drivers)('running response counts on %s', (driver) => {
	let db: Db;
	let ownerId: string;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await seedDemo(db, 'a-demo-password');
		const [owner] = await db.query<{ user_id: string }>(
			`select user_id from public.memberships where community_id = $1 and role = 'owner'`,
			[DEMO_COMMUNITY]
		);
		ownerId = owner.user_id;
	});
	afterAll(() => db.close());

	/** The counts kept as things happened, and the same counts rebuilt from the answers. */
	const keptAndRebuilt = async () => ({
		kept: await asServiceRole(db, counts),
		rebuilt: await asServiceRole(db, async (tx) => {
			await tx.query('select public.recount_responses($1)', [DEMO]);
			return counts(tx);
		})
	});

	const clear = () =>
		asServiceRole(db, (tx) =>
			tx.query('delete from public.responses where questionnaire_id = $1', [DEMO])
		);

	it('equal the counts rebuilt from the answers after any mix of saves, changes and deletions', async () => {
		const operation = fc.oneof(
			fc.record({
				kind: fc.constant('save' as const),
				slot: fc.nat(5),
				seed: fc.nat(40),
				channel: fc.constantFrom('online', 'paper', 'kiosk')
			}),
			fc.record({ kind: fc.constant('delete_by_receipt' as const), slot: fc.nat(5) }),
			fc.record({ kind: fc.constant('owner_deletes' as const), slot: fc.nat(5) })
		);
		await fc.assert(
			fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (operations) => {
				await clear();
				for (const op of operations) {
					if (op.kind === 'save') await save(db, op.slot, op.seed, op.channel);
					else if (op.kind === 'delete_by_receipt')
						await as(db, null, (tx) =>
							tx.query('select public.delete_response_by_receipt($1)', [`receipt-${op.slot}`])
						);
					else
						await as(db, ownerId, (tx) =>
							tx.query('delete from public.responses where id = $1', [uuidOf(op.slot)])
						);
				}
				const { kept, rebuilt } = await keptAndRebuilt();
				expect(kept).toEqual(rebuilt);
			}),
			{ numRuns: driver === 'pglite' ? 25 : 12 }
		);
	});

	it('count the responses of one transaction together, new ones and changed ones alike', async () => {
		await clear();
		for (const slot of [0, 5]) await save(db, slot, slot, 'online');
		await save(db, 7, 4, 'kiosk'); // counted already: the four below add to its rows
		await as(db, null, async (tx) => {
			// four alike: one profile, counted four times in one statement
			for (const slot of [1, 2, 3, 4]) await saveIn(tx, slot, 4, 'kiosk');
			await saveIn(tx, 0, 17, 'kiosk'); // a change through the receipt code
			await tx.query('select public.delete_response_by_receipt($1)', ['receipt-5']);
			await saveIn(tx, 6, 2, 'kiosk');
		});
		const { kept, rebuilt } = await keptAndRebuilt();
		expect(kept).toEqual(rebuilt);
		const [{ respondents }] = await asServiceRole(db, (tx) =>
			tx.query<{ respondents: number }>(
				'select sum(respondents)::int as respondents from public.response_profiles where questionnaire_id = $1',
				[DEMO]
			)
		);
		expect(respondents).toBe(7);
		// one marker per transaction, gone at its commit
		const markers = await db.query('select * from public.response_count_markers');
		expect(markers).toEqual([]);
	});

	it('count the responses saved together by save_responses as it inserts them', async () => {
		await clear();
		await save(db, 0, 3, 'online'); // saved before: the batch below changes it
		const submissions = [
			...[1, 2, 3, 4, 5, 6].map((slot) => batchItem(slot, slot % 3, slot % 2 ? 'online' : 'kiosk')),
			batchItem(0, 8, 'online') // the same id and receipt again: a change, through save_response
		];
		const [{ outcomes }] = await as(db, null, (tx) => saveMany(tx, submissions));
		expect(outcomes).toEqual([...Array(6).fill('created'), 'updated']);
		const { kept, rebuilt } = await keptAndRebuilt();
		expect(kept).toEqual(rebuilt);
		expect(kept.length).toBeGreaterThan(10);
		const uncounted = await db.query(
			'select id from public.responses where questionnaire_id = $1 and profile_id is null',
			[DEMO]
		);
		expect(uncounted).toEqual([]);
	});

	it.runIf(driver === 'postgres')(
		'refuse, keeping nothing, a batch holding a response another transaction saved meanwhile',
		async () => {
			await clear();
			const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
			let release = () => {};
			const held = new Promise<void>((resolve) => (release = resolve));
			const first = as(db, null, async (tx) => {
				await saveMany(tx, [batchItem(1, 4, 'online'), batchItem(2, 5, 'online')]);
				await held; // not committed yet
			});
			await pause(150);
			// the same response again (same id and receipt), with another: waits on the first
			const again = [batchItem(1, 4, 'online'), batchItem(3, 6, 'kiosk')];
			const second = as(db, null, (tx) => saveMany(tx, again)).catch((error: unknown) => error);
			await pause(150);
			release();
			await first;
			// the key taken fails the call, keeping nothing of it (the server then saves again)
			expect(await second).toMatchObject({ code: '23505' });
			const [{ outcomes }] = await as(db, null, (tx) => saveMany(tx, again));
			expect(outcomes).toEqual(['updated', 'created']);
			const { kept, rebuilt } = await keptAndRebuilt();
			expect(kept).toEqual(rebuilt);
			const [{ n }] = await db.query<{ n: number }>(
				'select count(*)::int as n from public.responses where questionnaire_id = $1',
				[DEMO]
			);
			expect(n).toBe(3);
		}
	);

	it('count again when a transaction counts early and saves more afterwards', async () => {
		await clear();
		await as(db, null, async (tx) => {
			await saveIn(tx, 1, 4, 'online');
			// fires the commit-time count now; what follows needs a count of its own
			await tx.exec('set constraints all immediate');
			await saveIn(tx, 2, 9, 'online');
			await tx.exec('set constraints all deferred');
			await saveIn(tx, 3, 11, 'paper');
		});
		const { kept, rebuilt } = await keptAndRebuilt();
		expect(kept).toEqual(rebuilt);
		const uncounted = await db.query(
			'select id from public.responses where questionnaire_id = $1 and profile_id is null',
			[DEMO]
		);
		expect(uncounted).toEqual([]);
	});

	it('count again a counted response given one more answer or demographic answer', async () => {
		await clear();
		for (const slot of [1, 2, 3]) await save(db, slot, 4, 'online');
		const addAnswer = (slot: number) =>
			asServiceRole(db, (tx) =>
				tx.query(
					`insert into public.answers (response_id, question_id, value) values ($1, $2, '3')`,
					[uuidOf(slot), Q(118)]
				)
			);
		// the second time, the answer's count row exists: only the new answer may be left out of
		// what the response counted before
		await addAnswer(1);
		await addAnswer(2);
		await asServiceRole(db, (tx) =>
			tx.query(
				`insert into public.demographic_answers (response_id, dimension, value) values ($1, 'gender', 'woman')`,
				[uuidOf(3)]
			)
		);
		const { kept, rebuilt } = await keptAndRebuilt();
		expect(kept).toEqual(rebuilt);
		expect(kept.join('\n')).toMatch(/"gender": "woman"/);
	});

	it('count a written answer and an "other" text as answered, never as their words', async () => {
		await clear();
		await save(db, 1, 3, 'online'); // seed 3: a written answer; Q114 may carry an "other" text
		await save(db, 2, 6, 'online');
		const values = await asServiceRole(db, (tx) =>
			tx.query<{ value: unknown }>(
				`select distinct c.value from public.profile_answer_counts c
				where c.question_id in ($1, $2) and c.responses > 0`,
				[Q(119), Q(114)]
			)
		);
		const texts = values.map((v) => JSON.stringify(v.value));
		expect(texts).toContain('""');
		expect(texts.join(' ')).not.toMatch(/written answer|ferry/);
	});

	it('give the same tallies and participant counts as counting the rows themselves', async () => {
		await clear();
		for (let slot = 0; slot < 30; slot++)
			await save(db, slot, slot, ['online', 'paper', 'kiosk'][slot % 3]);
		await save(db, 4, 11, 'online'); // a change: the receipt matches
		await as(db, null, (tx) =>
			tx.query('select public.delete_response_by_receipt($1)', ['receipt-7'])
		);
		const filter = JSON.stringify({
			channel: null,
			language: 'en',
			demographics: { housing_tenure: 'renter' }
		});
		const tallied = await as(db, ownerId, (tx) =>
			tx.query<{ key: string; value: unknown; cell: (string | null)[]; count: number }>(
				`select key, value, cell, count from public.answer_tallies($1, '["age_group"]', $2::jsonb,
					$3::jsonb, '["age_group"]') order by key, value::text, cell::text`,
				[DEMO, filter, JSON.stringify([Q(111), Q(116)])]
			)
		);
		const expected = await asServiceRole(db, (tx) =>
			tx.query<{ key: string; value: unknown; cell: (string | null)[]; count: number }>(
				`with picked as (
					select r.id, array[nullif(age.value, 'prefer_not_to_say')] as cell from public.responses r
					join public.demographic_answers t on t.response_id = r.id and t.dimension = 'housing_tenure' and t.value = 'renter'
					left join public.demographic_answers age on age.response_id = r.id and age.dimension = 'age_group'
					where r.questionnaire_id = $1 and r.language = 'en')
				select * from (select 'respondents' as key, null::jsonb as value, cell, count(*)::int as count from picked group by cell
				union all
				select a.question_id::text, a.value, p.cell, count(*)::int from picked p
				join public.answers a on a.response_id = p.id where a.question_id in ($2, $3)
				group by a.question_id, a.value, p.cell
				union all
				select 'dimension:age_group', to_jsonb(d.value), p.cell, count(*)::int from picked p
				join public.demographic_answers d on d.response_id = p.id and d.dimension = 'age_group'
				group by d.value, p.cell) x
				order by key, value::text, cell::text`,
				[DEMO, Q(111), Q(116)]
			)
		);
		expect(tallied.length).toBeGreaterThan(3);
		expect(tallied).toEqual(expected);

		const participants = await as(db, ownerId, (tx) =>
			tx.query<{ row: string }>(
				`select concat_ws(' ', channel, language, dimension, value, participants) as row
				from public.response_participant_counts($1, $2) order by 1`,
				[DEMO_COMMUNITY, DEMO]
			)
		);
		const counted = await asServiceRole(db, (tx) =>
			tx.query<{ row: string }>(
				`select concat_ws(' ', channel, language, dimension, value, participants) as row from (
					select r.channel::text, r.language::text, null as dimension, null as value, count(*)::int as participants
					from public.responses r where r.questionnaire_id = $1 group by 1, 2
					union all
					select r.channel::text, r.language::text, d.dimension, d.value, count(*)::int
					from public.responses r join public.demographic_answers d on d.response_id = r.id
					where r.questionnaire_id = $1 group by 1, 2, 3, 4) x order by 1`,
				[DEMO]
			)
		);
		expect(participants.map((r) => r.row)).toEqual(counted.map((r) => r.row));
	});

	it('let owners, organizers and analysts read the counts; volunteers, other teams and anonymous visitors cannot', async () => {
		await clear();
		await save(db, 1, 1, 'online');
		await db.query(
			`insert into public.memberships (community_id, user_id, role)
			values ($1, $2, 'volunteer'), ($1, $3, 'analyst'), ($1, $4, 'organizer')
			on conflict do nothing`,
			[DEMO_COMMUNITY, people.volunteerA, people.analystA, people.organizerA]
		);
		const read = (user: string | null) =>
			as(db, user, async (tx) => ({
				profiles: (
					await tx.query('select 1 from public.response_profiles where questionnaire_id = $1', [
						DEMO
					])
				).length,
				answers: (
					await tx.query(
						`select 1 from public.profile_answer_counts c join public.response_profiles p on p.id = c.profile_id
						where p.questionnaire_id = $1`,
						[DEMO]
					)
				).length
			}));
		for (const reader of [ownerId, people.organizerA, people.analystA]) {
			const seen = await read(reader);
			expect(seen.profiles).toBeGreaterThan(0);
			expect(seen.answers).toBeGreaterThan(0);
		}
		for (const outsider of [people.volunteerA, people.ownerB, people.outsider])
			expect(await read(outsider)).toEqual({ profiles: 0, answers: 0 });
		await expect(read(null)).rejects.toThrow(DENIED);
	});

	it('list the latest written answers, in the filtered view, only to those who may read them', async () => {
		await clear();
		for (let slot = 0; slot < 12; slot++) await save(db, slot, slot, 'online');
		const latest = (user: string | null, filter: object, howMany = 50) =>
			as(db, user, (tx) =>
				tx.query<{ value: unknown; language: string }>(
					`select value, language from public.latest_answer_texts($1, $2, $3::jsonb, false, $4)`,
					[DEMO, Q(119), JSON.stringify({ demographics: {}, ...filter }), howMany]
				)
			);
		// seeds 0, 3, 6, 9 wrote an answer; seed 0 is the only one in French
		expect((await latest(ownerId, {})).map((r) => r.value)).toEqual(
			[0, 3, 6, 9].map((seed) => `A written answer number ${seed}`)
		);
		expect(await latest(ownerId, { language: 'fr' })).toEqual([
			{ value: 'A written answer number 0', language: 'fr' }
		]);
		expect((await latest(ownerId, {}, 2)).map((r) => r.value)).toEqual([
			'A written answer number 6',
			'A written answer number 9'
		]);
		const other = await as(db, ownerId, (tx) =>
			tx.query<{ value: unknown }>(
				`select value from public.latest_answer_texts($1, $2, '{"demographics": {}}', true, 50)`,
				[DEMO, Q(114)]
			)
		);
		expect(other.length).toBeGreaterThan(0);
		expect(other.every((r) => JSON.stringify(r.value).includes('ferry'))).toBe(true);
		for (const outsider of [people.volunteerA, people.ownerB, people.outsider])
			expect(await latest(outsider, {})).toEqual([]);
		await expect(latest(null, {})).rejects.toThrow(DENIED);
	});

	it('cannot be written or rebuilt by anyone but the database itself', async () => {
		for (const user of [ownerId, null]) {
			await expect(
				as(db, user, (tx) => tx.query('update public.response_profiles set respondents = 99'))
			).rejects.toThrow(DENIED);
			await expect(
				as(db, user, (tx) => tx.query('delete from public.profile_answer_counts'))
			).rejects.toThrow(DENIED);
			await expect(
				as(db, user, (tx) => tx.query('select public.recount_responses($1)', [DEMO]))
			).rejects.toThrow(DENIED);
			await expect(
				as(db, user, (tx) => tx.query('select public.count_pending_responses()'))
			).rejects.toThrow(DENIED);
			await expect(
				as(db, user, (tx) => tx.query('select * from public.response_count_markers'))
			).rejects.toThrow(DENIED);
			await expect(
				as(db, user, (tx) =>
					tx.query(`insert into public.response_count_markers values (pg_current_xact_id())`)
				)
			).rejects.toThrow(DENIED);
		}
	});
});

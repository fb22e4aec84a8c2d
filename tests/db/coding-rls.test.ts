import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Tx } from '../../src/lib/server/db/types';
import { codeItems } from '../../src/lib/server/coding/code-items';
import { codingQueue } from '../../src/lib/server/coding/coding-queue';
import { importCodebook } from '../../src/lib/server/coding/import-codebook';
import { listThemes } from '../../src/lib/server/coding/list-themes';
import { rejectSuggestion } from '../../src/lib/server/coding/reject-suggestion';
import { saveTheme } from '../../src/lib/server/coding/save-theme';
import {
	agreementReport,
	drawSample,
	mySampleItems,
	submitSecondCoding
} from '../../src/lib/server/coding/second-coding';
import { undoLastCoding } from '../../src/lib/server/coding/undo-coding';
import { evidenceByArea } from '../../src/lib/server/priorities/area-evidence';
import { savePriorityArea } from '../../src/lib/server/priorities/save-priority-area';
import { DENIED, as, communities, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A, B } = communities;
const id = (prefix: string, n: number) =>
	`${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const QN = { A: id('c', 1), B: id('c', 2) };
const TEXT_Q = { A: id('d', 1), B: id('d', 2) };
const CHOICE_Q = id('d', 3);
const response = (n: number) => id('e', n);
const answerKey = (n: number, question = TEXT_Q.A) => `answer:${response(n)}:${question}`;
const THEME = { housing: id('f', 1), rent: id('f', 2), safety: id('f', 3), b: id('f', 9) };
const AREA = { A: id('9', 1), B: id('9', 2) };

const TEXTS = [
	['en', 'The rent is far too high for families'],
	['fr', 'Les loyers augmentent chaque année'],
	['en', 'Streets are dark at night, we need streetlights'],
	['fr', 'Les rues sont sombres la nuit, aucune sécurité'],
	['en', 'Rent and housing costs push people out']
] as const;

/** Community A: one questionnaire, five text answers and an "Other" text; B: one answer. */
async function seedItems(db: Db) {
	await db.transaction(async (tx) => {
		for (const [c, community] of [
			['A', A],
			['B', B]
		] as const) {
			await tx.query(
				`insert into public.questionnaires (id, community_id, slug, title, status) values ($1, $2, $3, '{"en":"Q","fr":"Q"}', 'open')`,
				[QN[c], community, `q-${c.toLowerCase()}`]
			);
			const [section] = await tx.query<{ id: string }>(
				'insert into public.questionnaire_sections (questionnaire_id, position) values ($1, 0) returning id',
				[QN[c]]
			);
			await tx.query(
				`insert into public.questions (id, questionnaire_id, section_id, position, type, prompt)
				values ($1, $2, $3, 0, 'long_text', '{"en":"Say","fr":"Dites"}')`,
				[TEXT_Q[c], QN[c], section.id]
			);
			if (c === 'A')
				await tx.query(
					`insert into public.questions (id, questionnaire_id, section_id, position, type, prompt, config)
					values ($1, $2, $3, 1, 'single_choice', '{"en":"Pick","fr":"Choix"}', '{}')`,
					[CHOICE_Q, QN.A, section.id]
				);
		}
		for (const [i, [language, text]] of TEXTS.entries()) {
			await tx.query(
				`insert into public.responses (id, questionnaire_id, community_id, language, channel, receipt_hash)
				values ($1, $2, $3, $4, $5, $6)`,
				[response(i), QN.A, A, language, i < 3 ? 'online' : 'paper', `r${i}`]
			);
			await tx.query(
				'insert into public.answers (response_id, question_id, value) values ($1, $2, $3::jsonb)',
				[response(i), TEXT_Q.A, JSON.stringify(text)]
			);
			await tx.query(
				`insert into public.demographic_answers (response_id, dimension, value) values ($1, 'age', '25_34')`,
				[response(i)]
			);
		}
		await tx.query(
			`insert into public.answers (response_id, question_id, value) values ($1, $2, $3::jsonb)`,
			[response(0), CHOICE_Q, JSON.stringify({ other: 'A community garden' })]
		);
		await tx.query(
			`insert into public.responses (id, questionnaire_id, community_id, language, receipt_hash) values ($1, $2, $3, 'en', 'rb')`,
			[response(50), QN.B, B]
		);
		await tx.query(
			'insert into public.answers (response_id, question_id, value) values ($1, $2, $3::jsonb)',
			[response(50), TEXT_Q.B, JSON.stringify('Something in B')]
		);
		await tx.query(
			`insert into public.themes (id, community_id, code, name, keywords) values
			($1, $3, 'housing', '{"en":"Housing","fr":"Logement"}', '{"en":["housing","rent"],"fr":["logement","loyer"]}'),
			($2, $3, 'safety', '{"en":"Safety","fr":"Sécurité"}', '{"en":["safety"],"fr":["sécurité"]}'),
			($4, $5, 'b-theme', '{"en":"B","fr":"B"}', '{"en":[],"fr":[]}')`,
			[THEME.housing, THEME.safety, A, THEME.b, B]
		);
		await tx.query(
			`insert into public.themes (id, community_id, parent_id, code, name) values ($1, $2, $3, 'rent', '{"en":"Rent","fr":"Loyer"}')`,
			[THEME.rent, A, THEME.housing]
		);
		await tx.query(
			`insert into public.priority_areas (id, community_id, name) values ($1, $2, '{"en":"B area","fr":"B"}')`,
			[AREA.B, B]
		);
	});
}

const coders = [people.ownerA, people.organizerA, people.analystA] as const;
const nonCoders = [people.volunteerA, people.outsider, people.ownerB, null] as const;

describe.each(drivers)('codebook, coding and priority areas on %s', (driver) => {
	let db: Db;
	const count = async (userId: string | null, sql: string, params: unknown[] = []) =>
		(await as(db, userId, (tx) => tx.query(sql, params))).length;
	const code = <T>(userId: string, fn: (tx: Tx) => Promise<T>) => as(db, userId, fn);

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await seedItems(db);
	});
	afterAll(() => db.close());

	describe('themes (RLS)', () => {
		it('members of the community read its codebook; others do not', async () => {
			for (const user of [...coders, people.volunteerA])
				expect(await count(user, 'select 1 from public.themes')).toBe(3);
			expect(await count(people.ownerB, 'select 1 from public.themes')).toBe(1);
			expect(await count(people.outsider, 'select 1 from public.themes')).toBe(0);
			await expect(count(null, 'select 1 from public.themes')).rejects.toThrow(DENIED);
		});

		it('owners, organizers and analysts add and edit themes; volunteers and others cannot', async () => {
			for (const [i, user] of coders.entries()) {
				const result = await code(user, (tx) =>
					saveTheme(tx, {
						communityId: A,
						code: `t-${i}`,
						parent: '',
						name: { en: 'T', fr: 'T' },
						description: { en: '', fr: '' },
						examples: { en: '', fr: '' },
						keywords: { en: [], fr: [] }
					})
				);
				expect(result.ok).toBe(true);
			}
			for (const user of [people.volunteerA, people.ownerB]) {
				await expect(
					as(db, user, (tx) =>
						tx.query(
							`insert into public.themes (community_id, code, name) values ($1, 'x', '{"en":"X","fr":"X"}')`,
							[A]
						)
					)
				).rejects.toThrow(DENIED);
				expect(
					await count(
						user,
						`update public.themes set code = 'y' where community_id = $1 returning id`,
						[A]
					)
				).toBe(0);
				expect(
					await count(user, `delete from public.themes where community_id = $1 returning id`, [A])
				).toBe(0);
			}
			expect(
				await count(people.analystA, `delete from public.themes where code like 't-%' returning id`)
			).toBe(3);
		});

		it('keeps sub-themes one level deep and refuses a taken code', async () => {
			const base = {
				communityId: A,
				name: { en: 'X', fr: 'X' },
				description: { en: '', fr: '' },
				examples: { en: '', fr: '' },
				keywords: { en: [], fr: [] }
			};
			expect(
				await code(people.analystA, (tx) =>
					saveTheme(tx, { ...base, code: 'deep', parent: 'rent' })
				)
			).toEqual({
				ok: false,
				field: 'parent',
				error: 'codebook.errors.too_deep'
			});
			expect(
				await code(people.analystA, (tx) => saveTheme(tx, { ...base, code: 'rent', parent: '' }))
			).toEqual({
				ok: false,
				field: 'code',
				error: 'codebook.errors.code_taken'
			});
			expect(
				await code(people.analystA, (tx) =>
					saveTheme(tx, { ...base, code: 'b-child', parent: 'b-theme' })
				)
			).toMatchObject({ ok: false, error: 'codebook.errors.unknown_parent' });
		});

		it('imports a CSV all or nothing, with a dry run', async () => {
			const csv =
				'code,parent,name_en,name_fr,keywords_en,keywords_fr\nparks,,Parks,Parcs,park,parc\nplay,parks,Play,Jeux,,\n';
			expect(
				await code(people.analystA, (tx) =>
					importCodebook(tx, { communityId: A, csv, dryRun: true })
				)
			).toEqual({
				ok: true,
				dryRun: true,
				added: 2,
				updated: 0
			});
			expect(await count(people.analystA, `select 1 from public.themes where code = 'parks'`)).toBe(
				0
			);
			const bad = `${csv}broken,,,Cassé,,\n`;
			expect(
				await code(people.analystA, (tx) =>
					importCodebook(tx, { communityId: A, csv: bad, dryRun: false })
				)
			).toEqual({
				ok: false,
				problems: [{ row: 4, column: 'name_en', error: 'codebook.errors.name_required' }]
			});
			expect(await count(people.analystA, `select 1 from public.themes where code = 'parks'`)).toBe(
				0
			);
			expect(
				await code(people.analystA, (tx) =>
					importCodebook(tx, { communityId: A, csv, dryRun: false })
				)
			).toMatchObject({
				ok: true,
				added: 2
			});
			const themes = await code(people.analystA, (tx) => listThemes(tx, A));
			expect(themes.find((t) => t.code === 'play')).toMatchObject({ parentCode: 'parks' });
			expect(
				await code(people.volunteerA, (tx) =>
					importCodebook(tx, { communityId: A, csv, dryRun: false })
				)
			).toMatchObject({
				ok: false
			});
			await db.query(`delete from public.themes where code in ('play', 'parks')`);
		});
	});

	describe('coding', () => {
		it('lists free-text answers and "Other" texts of the community as items', async () => {
			const themes = await code(people.analystA, (tx) => listThemes(tx, A));
			const queue = (await code(people.analystA, (tx) =>
				codingQueue(tx, A, themes, { status: 'all', page: 1 })
			)) as Awaited<ReturnType<typeof codingQueue>>;
			expect(queue.total).toBe(6);
			expect(queue.items.map((i) => i.text)).toContain('A community garden');
			expect(queue.items.some((i) => i.text === 'Something in B')).toBe(false);
			const french = (await code(people.analystA, (tx) =>
				codingQueue(tx, A, themes, { status: 'all', page: 1, language: 'fr', channel: 'paper' })
			)) as Awaited<ReturnType<typeof codingQueue>>;
			expect(french.items.map((i) => i.key)).toEqual([answerKey(3)]);
			// keywords in either language bring a suggestion, with a score
			const rent = queue.items.find((i) => i.key === answerKey(1))!;
			expect(rent.suggestions[0]).toMatchObject({ themeId: THEME.housing });
			expect(rent.suggestions[0].score).toBeGreaterThan(0);
		});

		it('codes items in bulk, records who and when, and undoes the last action as a whole', async () => {
			const result = await code(people.analystA, (tx) =>
				codeItems(tx, {
					communityId: A,
					itemKeys: [answerKey(0), answerKey(1), answerKey(4)],
					add: [THEME.housing]
				})
			);
			expect(result).toMatchObject({ ok: true, changes: 3 });
			const rows = await as(db, people.organizerA, (tx) =>
				tx.query<{ coder_id: string }>('select coder_id from public.codings')
			);
			expect(rows.map((r) => r.coder_id)).toEqual([
				people.analystA,
				people.analystA,
				people.analystA
			]);
			await code(people.analystA, (tx) =>
				codeItems(tx, { communityId: A, itemKeys: [answerKey(2)], add: [THEME.safety, THEME.rent] })
			);
			expect(await code(people.analystA, (tx) => undoLastCoding(tx, A))).toEqual({
				ok: true,
				changes: 2
			});
			expect(await count(people.analystA, 'select 1 from public.codings')).toBe(3);
			// undo is per person: the organizer has nothing to undo
			expect(await code(people.organizerA, (tx) => undoLastCoding(tx, A))).toEqual({
				ok: false,
				error: 'coding.errors.nothing_to_undo'
			});
			expect(
				await count(
					people.analystA,
					`select 1 from public.coding_events where undone_at is not null`
				)
			).toBe(2);
			await code(people.analystA, (tx) =>
				codeItems(tx, { communityId: A, itemKeys: [answerKey(2)], add: [THEME.safety] })
			);
		});

		it('undoing a removal puts the coding back in its coder’s name, and only for the remover', async () => {
			const coding = () =>
				as(db, people.organizerA, (tx) =>
					tx.query(
						'select coder_id, coded_at, source from public.codings where item_key = $1 and theme_id = $2',
						[answerKey(0), THEME.housing]
					)
				);
			const before = await coding();
			expect(before).toHaveLength(1);
			expect(
				await code(people.organizerA, (tx) =>
					codeItems(tx, { communityId: A, itemKeys: [answerKey(0)], remove: [THEME.housing] })
				)
			).toMatchObject({ ok: true, changes: 1 });
			expect(await coding()).toHaveLength(0);
			const [removal] = await db.query<{ id: string }>(
				`select id::text from public.coding_events where op = 'remove' order by id desc limit 1`
			);
			await expect(
				as(db, people.analystA, (tx) =>
					tx.query('select public.restore_removed_coding($1)', [removal.id])
				)
			).rejects.toThrow(/only the person who removed/);
			expect(await code(people.organizerA, (tx) => undoLastCoding(tx, A))).toEqual({
				ok: true,
				changes: 1
			});
			expect(await coding()).toEqual(before);
		});

		it('refuses unknown items and themes, items of another community, and volunteers, storing nothing', async () => {
			const before = await count(people.analystA, 'select 1 from public.codings');
			const attempts: [string, Parameters<typeof codeItems>[1], string][] = [
				[
					people.analystA,
					{ communityId: A, itemKeys: ['answer:nope'], add: [THEME.housing] },
					'coding.errors.unknown_item'
				],
				[
					people.analystA,
					{
						communityId: A,
						itemKeys: [`answer:${response(50)}:${TEXT_Q.B}`],
						add: [THEME.housing]
					},
					'coding.errors.unknown_item'
				],
				[
					people.analystA,
					{ communityId: A, itemKeys: [answerKey(3)], add: [THEME.b] },
					'coding.errors.unknown_theme'
				],
				[people.analystA, { communityId: A, itemKeys: [answerKey(3)] }, 'coding.errors.no_themes'],
				[
					people.volunteerA,
					{ communityId: A, itemKeys: [answerKey(3)], add: [THEME.housing] },
					'coding.errors.unknown_item'
				]
			];
			for (const [user, change, error] of attempts)
				expect(await code(user, (tx) => codeItems(tx, change))).toEqual({ ok: false, error });
			expect(await count(people.analystA, 'select 1 from public.codings')).toBe(before);
		});

		it('RLS: codings and history are read and written by coders of the community only', async () => {
			for (const user of coders) {
				expect(await count(user, 'select 1 from public.codings')).toBeGreaterThan(0);
				expect(await count(user, 'select 1 from public.coding_events')).toBeGreaterThan(0);
			}
			for (const user of nonCoders.filter((u) => u !== null)) {
				expect(await count(user, 'select 1 from public.codings')).toBe(0);
				expect(await count(user, 'select 1 from public.coding_events')).toBe(0);
			}
			for (const table of ['codings', 'coding_events', 'coding_samples', 'suggestion_rejections'])
				await expect(count(null, `select 1 from public.${table}`)).rejects.toThrow(DENIED);
			// writing as someone else, or into another community, is refused
			await expect(
				as(db, people.analystA, (tx) =>
					tx.query(
						`insert into public.codings (community_id, item_kind, item_key, response_id, theme_id, coder_id)
						values ($1, 'answer', $2, $3, $4, $5)`,
						[A, answerKey(3), response(3), THEME.housing, people.organizerA]
					)
				)
			).rejects.toThrow(DENIED);
			await expect(
				as(db, people.ownerB, (tx) =>
					tx.query(
						`insert into public.codings (community_id, item_kind, item_key, response_id, theme_id, coder_id)
						values ($1, 'answer', $2, $3, $4, $5)`,
						[B, answerKey(3), response(3), THEME.b, people.ownerB]
					)
				)
			).rejects.toThrow(DENIED);
			await expect(
				as(db, people.volunteerA, (tx) =>
					tx.query(
						`insert into public.coding_events (community_id, action_id, actor_id, item_key, theme_id, pass, op)
						values ($1, gen_random_uuid(), $2, 'answer:x', $3, 'primary', 'add')`,
						[A, people.volunteerA, THEME.housing]
					)
				)
			).rejects.toThrow(DENIED);
			// nobody marks another person's action undone, nor deletes codings from outside
			expect(
				await count(
					people.organizerA,
					'update public.coding_events set undone_at = now() where actor_id <> $1 returning id',
					[people.organizerA]
				)
			).toBe(0);
			expect(await count(people.volunteerA, 'delete from public.codings returning id')).toBe(0);
			expect(await count(people.ownerB, 'delete from public.codings returning id')).toBe(0);
		});

		it('remembers rejected suggestions and does not suggest them again', async () => {
			const themes = await code(people.analystA, (tx) => listThemes(tx, A));
			const suggested = async () =>
				(
					(await code(people.analystA, (tx) =>
						codingQueue(tx, A, themes, { status: 'uncoded', page: 1 })
					)) as Awaited<ReturnType<typeof codingQueue>>
				).items
					.find((i) => i.key === answerKey(3))!
					.suggestions.map((s) => s.themeId);
			expect(await suggested()).toContain(THEME.safety);
			expect(
				await code(people.analystA, (tx) =>
					rejectSuggestion(tx, { communityId: A, itemKey: answerKey(3), themeId: THEME.safety })
				)
			).toEqual({
				ok: true
			});
			expect(await suggested()).not.toContain(THEME.safety);
			expect(await count(people.organizerA, 'select 1 from public.suggestion_rejections')).toBe(1);
			for (const user of [people.volunteerA, people.ownerB, people.outsider])
				expect(await count(user, 'select 1 from public.suggestion_rejections')).toBe(0);
			expect(
				await code(people.volunteerA, (tx) =>
					rejectSuggestion(tx, { communityId: A, itemKey: answerKey(4), themeId: THEME.safety })
				)
			).toEqual({ ok: false, error: 'coding.errors.not_allowed' });
		});

		it('draws a blind sample, hides the first coding from the second coder, and measures kappa', async () => {
			expect(
				await code(people.analystA, (tx) =>
					drawSample(tx, { communityId: A, coderId: people.volunteerA, size: 5 })
				)
			).toEqual({
				ok: false,
				error: 'coding.errors.not_a_coder'
			});
			// analystA coded everything so far: no item is eligible for analystA to second-code
			expect(
				await code(people.organizerA, (tx) =>
					drawSample(tx, { communityId: A, coderId: people.analystA, size: 5 })
				)
			).toEqual({
				ok: true,
				drawn: 0
			});
			expect(
				await code(people.analystA, (tx) =>
					drawSample(tx, { communityId: A, coderId: people.organizerA, size: 10 })
				)
			).toEqual({
				ok: true,
				drawn: 4
			});
			const items = await code(people.organizerA, (tx) => mySampleItems(tx, A));
			expect(items).toHaveLength(4);
			// the sample items are out of the second coder's queue, so the first coding stays unseen
			const themes = await code(people.organizerA, (tx) => listThemes(tx, A));
			const queue = (await code(people.organizerA, (tx) =>
				codingQueue(tx, A, themes, { status: 'coded', page: 1 })
			)) as Awaited<ReturnType<typeof codingQueue>>;
			expect(queue.total).toBe(0);
			// agree on 0, 1 (housing) and 2 (safety); on 4 the second coder sees safety instead
			const second: Record<string, string[]> = {
				[answerKey(0)]: [THEME.housing],
				[answerKey(1)]: [THEME.housing],
				[answerKey(2)]: [THEME.safety],
				[answerKey(4)]: [THEME.safety]
			};
			for (const item of items)
				expect(
					await code(people.organizerA, (tx) =>
						submitSecondCoding(tx, {
							communityId: A,
							itemKey: item.key,
							themeIds: second[item.key]
						})
					)
				).toEqual({
					ok: true
				});
			expect(
				await code(people.analystA, (tx) =>
					submitSecondCoding(tx, { communityId: A, itemKey: answerKey(0), themeIds: [] })
				)
			).toEqual({
				ok: false,
				error: 'coding.errors.not_in_sample'
			});
			const report = await code(people.analystA, (tx) =>
				agreementReport(tx, A, [THEME.housing, THEME.safety])
			);
			expect(report).toMatchObject({ drawn: 4, completed: 4 });
			// housing: first [T,T,F,T] second [T,T,F,F] → pₒ = .75, pₑ = .75·.5 + .25·.5 = .5, κ = .5
			const housing = report.perTheme.find((t) => t.themeId === THEME.housing)!.agreement;
			expect(housing.kappa).toBeCloseTo(0.5, 10);
			for (const user of [people.volunteerA, people.ownerB])
				expect(await count(user, 'select 1 from public.coding_samples')).toBe(0);
			expect(await count(people.ownerA, 'select 1 from public.coding_samples')).toBe(4);
			expect(
				await count(
					people.analystA,
					'update public.coding_samples set completed_at = null returning 1'
				)
			).toBe(0);
		});
	});

	describe('priority areas', () => {
		it('members read their own areas only; coders create them, others cannot', async () => {
			const input = {
				name: { en: 'Affordable homes', fr: 'Logement abordable' },
				description: { en: '', fr: '' },
				themeIds: [THEME.housing]
			};
			const created = await code(people.organizerA, (tx) =>
				savePriorityArea(tx, { ...input, communityId: A, id: undefined })
			);
			expect(created).toMatchObject({ ok: true });
			expect(
				await code(people.analystA, (tx) =>
					savePriorityArea(tx, { ...input, communityId: A, themeIds: [THEME.b] })
				)
			).toEqual({
				ok: false,
				error: 'priorities.errors.unknown_theme'
			});
			expect(
				await code(people.volunteerA, (tx) => savePriorityArea(tx, { ...input, communityId: A }))
			).toEqual({
				ok: false,
				error: 'priorities.errors.not_allowed'
			});
			for (const user of [...coders, people.volunteerA]) {
				expect(await count(user, 'select 1 from public.priority_areas')).toBe(1);
				expect(await count(user, 'select 1 from public.priority_area_themes')).toBe(1);
			}
			expect(await count(people.ownerB, 'select id from public.priority_areas')).toBe(1);
			expect(await count(people.outsider, 'select id from public.priority_areas')).toBe(0);
			await expect(count(null, 'select 1 from public.priority_areas')).rejects.toThrow(DENIED);
			await expect(count(null, 'select 1 from public.priority_area_themes')).rejects.toThrow(
				DENIED
			);
			for (const user of [people.volunteerA, people.ownerB]) {
				expect(
					await count(
						user,
						`update public.priority_areas set position = 9 where community_id = $1 returning id`,
						[A]
					)
				).toBe(0);
				expect(
					await count(
						user,
						`delete from public.priority_area_themes where community_id = $1 returning 1`,
						[A]
					)
				).toBe(0);
				expect(
					await count(
						user,
						`delete from public.priority_areas where community_id = $1 returning id`,
						[A]
					)
				).toBe(0);
			}
			await expect(
				as(db, people.ownerB, (tx) =>
					tx.query(
						'insert into public.priority_area_themes (community_id, area_id, theme_id) values ($1, $2, $3)',
						[A, (created as { id: string }).id, THEME.safety]
					)
				)
			).rejects.toThrow(DENIED);
		});

		it('traces an area to its themes and coded items, with suppressed breakdowns', async () => {
			const themes = await code(people.analystA, (tx) => listThemes(tx, A));
			await code(people.analystA, (tx) =>
				codeItems(tx, { communityId: A, itemKeys: [answerKey(3)], add: [THEME.rent] })
			);
			const [area] = await as(db, people.analystA, (tx) =>
				tx.query<{ id: string; themeIds: string[] }>(
					`select id, array[$1::text] as "themeIds" from public.priority_areas where community_id = $2`,
					[THEME.housing, A]
				)
			);
			const evidence = (await code(people.analystA, (tx) =>
				evidenceByArea(tx, A, [area], themes, 10)
			)) as Awaited<ReturnType<typeof evidenceByArea>>;
			const e = evidence.get(area.id)!;
			// housing on 0, 1, 4 and its sub-theme rent on 3
			expect(e.mentions).toBe(4);
			expect(e.participants).toBe(4);
			expect(e.themes).toEqual([
				{ themeId: THEME.housing, mentions: 3, participants: 3 },
				{ themeId: THEME.rent, mentions: 1, participants: 1 }
			]);
			// four people in all: under k = 10, every group is hidden and no quote is attributed
			expect(e.byChannel.every((c) => c.count === 0 || c.suppressed)).toBe(true);
			expect(e.quotes.length).toBe(3);
			expect(e.quotes.every((q) => q.attribution === null)).toBe(true);
		});

		it('a response deleted by its author takes its codings with it', async () => {
			await db.query('delete from public.responses where id = $1', [response(4)]);
			expect(
				await count(people.analystA, 'select 1 from public.codings where item_key = $1', [
					answerKey(4)
				])
			).toBe(0);
		});
	});
});

import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionForm, sessionInput } from '../../src/lib/domain/sessions/records';
import type { NoteInput } from '../../src/lib/domain/sessions/notes';
import type { Db } from '../../src/lib/server/db/types';
import { codeItems } from '../../src/lib/server/coding/code-items';
import { listSourceItems } from '../../src/lib/server/coding/item-sources';
import { codingQueue } from '../../src/lib/server/coding/coding-queue';
import { participantCounts } from '../../src/lib/server/representation/participant-counts';
import { addNote } from '../../src/lib/server/sessions/add-note';
import { addPrompt } from '../../src/lib/server/sessions/add-prompt';
import { createGuide } from '../../src/lib/server/sessions/create-guide';
import { deleteNote } from '../../src/lib/server/sessions/delete-note';
import { deletePrompt } from '../../src/lib/server/sessions/delete-prompt';
import { importNotes } from '../../src/lib/server/sessions/import-notes';
import { listNotes } from '../../src/lib/server/sessions/list-notes';
import { loadSession } from '../../src/lib/server/sessions/load-session';
import { movePrompt } from '../../src/lib/server/sessions/move-prompt';
import { recordSession } from '../../src/lib/server/sessions/record-session';
import { updateNote } from '../../src/lib/server/sessions/update-note';
import { updateSession } from '../../src/lib/server/sessions/update-session';
import { as, asServiceRole, communities, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A, B } = communities;
const { ownerA, organizerA, analystA, volunteerA, ownerB, outsider } = people;
const title = { en: 'Parks guide', fr: 'Guide des parcs' };
const form = (values: Record<string, string> = {}) =>
	sessionForm.parse(
		sessionInput({
			kind: 'focus_group',
			heldOn: '2026-03-14',
			place: 'Library',
			language: 'fr',
			attendees: '8',
			consentNoted: 'on',
			...values
		})
	);
const note = (text: string, extra: Partial<NoteInput> = {}): NoteInput => ({
	kind: 'quote',
	language: 'fr',
	text,
	translation: '',
	promptId: null,
	...extra
});

describe.each(drivers)('focus groups, interviews and meetings on %s', (driver) => {
	let db: Db;
	let guideId: string;
	let promptIds: string[];
	let sessionId: string;
	const count = async (userId: string | null, sql: string, params: unknown[] = []) =>
		(await as(db, userId, (tx) => tx.query(sql, params))).length;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
	});
	afterAll(() => db.close());

	describe('discussion guides and prompts', () => {
		it('owners and organizers write guides; analysts, volunteers and outsiders cannot', async () => {
			const created = await as(db, organizerA, (tx) => createGuide(tx, { communityId: A, title }));
			expect(created.ok).toBe(true);
			guideId = (created as { id: string }).id;
			for (const who of [analystA, volunteerA, ownerB, outsider])
				expect(await as(db, who, (tx) => createGuide(tx, { communityId: A, title }))).toEqual({
					ok: false,
					error: 'sessions.errors.not_allowed'
				});
			await expect(
				as(db, null, (tx) =>
					tx.query(`insert into public.discussion_guides (community_id, title) values ($1, $2)`, [
						A,
						JSON.stringify(title)
					])
				)
			).rejects.toThrow(DENIED);
			expect(
				await as(db, ownerA, (tx) => createGuide(tx, { communityId: A, title }))
			).toMatchObject({
				ok: true
			});
		});

		it('prompts are added at the end, moved, and written only by owners and organizers', async () => {
			promptIds = [];
			for (const n of [1, 2, 3]) {
				const added = await as(db, ownerA, (tx) =>
					addPrompt(tx, { guideId, prompt: { en: `Prompt ${n}`, fr: `Question ${n}` } })
				);
				promptIds.push((added as { id: string }).id);
			}
			expect(
				await as(db, volunteerA, (tx) => addPrompt(tx, { guideId, prompt: { en: 'x', fr: 'x' } }))
			).toMatchObject({ ok: false });
			expect(
				await as(db, organizerA, (tx) =>
					movePrompt(tx, { guideId, promptId: promptIds[2], direction: 'up' })
				)
			).toEqual({ ok: true });
			expect(
				await as(db, organizerA, (tx) =>
					movePrompt(tx, { guideId, promptId: promptIds[0], direction: 'up' })
				)
			).toEqual({ ok: false, error: 'guides.errors.cannot_move' });
			expect(
				await as(db, analystA, (tx) =>
					movePrompt(tx, { guideId, promptId: promptIds[2], direction: 'up' })
				)
			).toEqual({ ok: false, error: 'sessions.errors.not_allowed' });
			const order = await as(db, volunteerA, (tx) =>
				tx.query<{ id: string; position: number }>(
					'select id, position from public.guide_prompts where guide_id = $1 order by position',
					[guideId]
				)
			);
			expect(order).toEqual([
				{ id: promptIds[0], position: 0 },
				{ id: promptIds[2], position: 1 },
				{ id: promptIds[1], position: 2 }
			]);
		});

		it('every member reads guides and prompts; another community and anon read none', async () => {
			for (const who of [ownerA, organizerA, analystA, volunteerA]) {
				expect(await count(who, 'select 1 from public.discussion_guides')).toBe(2);
				expect(await count(who, 'select 1 from public.guide_prompts')).toBe(3);
			}
			for (const who of [ownerB, outsider]) {
				expect(await count(who, 'select 1 from public.discussion_guides')).toBe(0);
				expect(await count(who, 'select 1 from public.guide_prompts')).toBe(0);
			}
			await expect(count(null, 'select 1 from public.discussion_guides')).rejects.toThrow(DENIED);
			await expect(count(null, 'select 1 from public.guide_prompts')).rejects.toThrow(DENIED);
			expect(
				await asServiceRole(db, (tx) => tx.query('select 1 from public.guide_prompts'))
			).toHaveLength(3);
		});
	});

	describe('session records and attendee tallies', () => {
		it('owners, organizers and volunteers record sessions with a tally; analysts and others cannot', async () => {
			const tally = { gender: { woman: 5, man: 2 }, age_group: { '25_34': 3 } };
			const recorded = await as(db, volunteerA, (tx) =>
				recordSession(tx, { communityId: A, form: form({ guideId }), tally })
			);
			expect(recorded).toMatchObject({ ok: true });
			sessionId = (recorded as { id: string }).id;
			for (const who of [analystA, ownerB, outsider])
				expect(
					await as(db, who, (tx) => recordSession(tx, { communityId: A, form: form(), tally: {} }))
				).toMatchObject({ ok: false });
			const loaded = await as(db, analystA, (tx) => loadSession(tx, sessionId));
			expect(loaded).toMatchObject({ attendees: 8, tally, guideId, consentNoted: true });
			expect(loaded?.guide?.prompts.map((p) => p.id)).toEqual([
				promptIds[0],
				promptIds[2],
				promptIds[1]
			]);
		});

		it('a tally over the attendance stores nothing, neither the record nor any count', async () => {
			const before = await db.query('select 1 from public.listening_sessions');
			expect(
				await as(db, ownerA, (tx) =>
					recordSession(tx, {
						communityId: A,
						form: form({ attendees: '3' }),
						tally: { disability: { yes: 1 }, gender: { woman: 3, man: 1 } }
					})
				)
			).toEqual({ ok: false, error: 'sessions.errors.tally_exceeds' });
			expect(await db.query('select 1 from public.listening_sessions')).toHaveLength(before.length);
			expect(
				await as(db, organizerA, (tx) =>
					updateSession(tx, {
						communityId: A,
						sessionId,
						form: form({ attendees: '6' }),
						tally: { gender: { woman: 7 } }
					})
				)
			).toEqual({ ok: false, error: 'sessions.errors.tally_exceeds' });
			expect(await as(db, ownerA, (tx) => loadSession(tx, sessionId))).toMatchObject({
				attendees: 8,
				tally: { gender: { woman: 5, man: 2 } }
			});
			// the database holds the rule on its own too, whichever way the numbers change
			await expect(
				as(db, ownerA, (tx) =>
					tx.query('update public.listening_sessions set attendees = 4 where id = $1', [sessionId])
				)
			).rejects.toThrow(/more people than attended/);
		});

		it('a facilitator or guide of another community is refused', async () => {
			expect(
				await as(db, ownerA, (tx) =>
					recordSession(tx, { communityId: A, form: form({ facilitatorId: ownerB }), tally: {} })
				)
			).toEqual({ ok: false, field: 'facilitatorId', error: 'errors.invalid_choice' });
			const other = await as(db, ownerB, (tx) => createGuide(tx, { communityId: B, title }));
			expect(
				await as(db, ownerA, (tx) =>
					recordSession(tx, {
						communityId: A,
						form: form({ guideId: (other as { id: string }).id }),
						tally: {}
					})
				)
			).toEqual({ ok: false, field: 'guideId', error: 'errors.invalid_choice' });
		});

		it('every member reads session records and counts; other communities and anon do not', async () => {
			for (const who of [ownerA, organizerA, analystA, volunteerA]) {
				expect(await count(who, 'select 1 from public.listening_sessions')).toBe(1);
				expect(await count(who, 'select 1 from public.session_attendee_counts')).toBe(3);
			}
			for (const who of [ownerB, outsider]) {
				expect(await count(who, 'select 1 from public.listening_sessions')).toBe(0);
				expect(await count(who, 'select 1 from public.session_attendee_counts')).toBe(0);
			}
			await expect(count(null, 'select 1 from public.listening_sessions')).rejects.toThrow(DENIED);
			await expect(count(null, 'select 1 from public.session_attendee_counts')).rejects.toThrow(
				DENIED
			);
		});

		it('only owners and organizers delete a session record', async () => {
			const scratch = await as(db, ownerA, (tx) =>
				recordSession(tx, { communityId: A, form: form({ kind: 'meeting' }), tally: {} })
			);
			const id = (scratch as { id: string }).id;
			const remove = (who: string) =>
				count(who, 'delete from public.listening_sessions where id = $1 returning id', [id]);
			expect(await remove(volunteerA)).toBe(0);
			expect(await remove(analystA)).toBe(0);
			expect(await remove(ownerB)).toBe(0);
			expect(await remove(organizerA)).toBe(1);
		});
	});

	describe('notes', () => {
		it('owners, organizers and volunteers take notes; a re-sent form saves one note', async () => {
			const id = 'c0000000-0000-4000-8000-000000000001';
			const take = () =>
				as(db, volunteerA, (tx) =>
					addNote(tx, {
						sessionId,
						communityId: A,
						id,
						note: note('Le parc', { promptId: promptIds[0] })
					})
				);
			expect(await take()).toEqual({ ok: true, created: true });
			expect(await take()).toEqual({ ok: true, created: false });
			expect(
				await as(db, organizerA, (tx) =>
					addNote(tx, {
						sessionId,
						communityId: A,
						id: null,
						note: note('More benches', {
							kind: 'summary',
							language: 'en',
							translation: 'Plus de bancs'
						})
					})
				)
			).toEqual({ ok: true, created: true });
			for (const who of [analystA, ownerB, outsider])
				expect(
					await as(db, who, (tx) =>
						addNote(tx, { sessionId, communityId: A, id: null, note: note('x') })
					)
				).toEqual({ ok: false, error: 'sessions.errors.not_allowed' });
		});

		it('a note answers a prompt of its session’s guide only', async () => {
			const other = await as(db, ownerA, (tx) => createGuide(tx, { communityId: A, title }));
			const stray = await as(db, ownerA, (tx) =>
				addPrompt(tx, { guideId: (other as { id: string }).id, prompt: { en: 'a', fr: 'b' } })
			);
			expect(
				await as(db, ownerA, (tx) =>
					addNote(tx, {
						sessionId,
						communityId: A,
						id: null,
						note: note('x', { promptId: (stray as { id: string }).id })
					})
				)
			).toEqual({ ok: false, error: 'sessions.errors.prompt_not_in_guide' });
			// and a guide whose prompts tag notes is neither swapped nor stripped of them
			expect(
				await as(db, ownerA, (tx) =>
					updateSession(tx, { communityId: A, sessionId, form: form(), tally: {} })
				)
			).toEqual({ ok: false, error: 'sessions.errors.guide_in_use' });
			expect(
				await as(db, ownerA, (tx) => deletePrompt(tx, { guideId, promptId: promptIds[0] }))
			).toEqual({
				ok: false,
				error: 'guides.errors.prompt_has_notes'
			});
		});

		it('owners, organizers and analysts read every note; volunteers only theirs; others none', async () => {
			for (const who of [ownerA, organizerA, analystA])
				expect(await as(db, who, (tx) => listNotes(tx, sessionId))).toHaveLength(2);
			const mine = await as(db, volunteerA, (tx) => listNotes(tx, sessionId));
			expect(mine.map((n) => n.body)).toEqual([{ fr: 'Le parc', en: '' }]);
			for (const who of [ownerB, outsider])
				expect(await count(who, 'select 1 from public.session_notes')).toBe(0);
			await expect(count(null, 'select 1 from public.session_notes')).rejects.toThrow(DENIED);
		});

		it('volunteers correct and delete only their own notes; organizers any; analysts none', async () => {
			const [volunteers, organizers] = await as(db, ownerA, (tx) => listNotes(tx, sessionId));
			const edit = (who: string, noteId: string) =>
				as(db, who, (tx) =>
					updateNote(tx, {
						sessionId,
						noteId,
						note: note('Le parc du coin', { translation: 'The corner park' })
					})
				);
			expect(await edit(volunteerA, volunteers.id)).toEqual({ ok: true });
			expect(await edit(volunteerA, organizers.id)).toEqual({
				ok: false,
				error: 'sessions.errors.not_allowed'
			});
			expect(await edit(analystA, volunteers.id)).toEqual({
				ok: false,
				error: 'sessions.errors.not_allowed'
			});
			expect(await edit(ownerB, volunteers.id)).toEqual({
				ok: false,
				error: 'sessions.errors.not_allowed'
			});
			expect(await edit(organizerA, organizers.id)).toEqual({ ok: true });
			expect(
				await as(db, volunteerA, (tx) => deleteNote(tx, { sessionId, noteId: organizers.id }))
			).toEqual({ ok: false, error: 'sessions.errors.not_allowed' });
			expect(
				await as(db, analystA, (tx) => deleteNote(tx, { sessionId, noteId: organizers.id }))
			).toMatchObject({
				ok: false
			});
			// a volunteer cannot take a note in someone else's name
			await expect(
				as(db, volunteerA, (tx) =>
					tx.query(
						`insert into public.session_notes (session_id, community_id, kind, language, body, created_by)
						values ($1, $2, 'quote', 'en', '{"en":"x","fr":""}', $3)`,
						[sessionId, A, organizerA]
					)
				)
			).rejects.toThrow(DENIED);
			expect(
				await as(db, organizerA, (tx) => deleteNote(tx, { sessionId, noteId: organizers.id }))
			).toEqual({
				ok: true
			});
		});
	});

	describe('notes CSV import', () => {
		const csv = `text,kind,language,prompt,translation
Il faut plus d'arbres,citation,fr,1,We need more trees
Lighting on the path,summary,en,Prompt 2,`;
		const run = (who: string, text: string, dryRun: boolean) =>
			as(db, who, async (tx) => {
				const session = await loadSession(tx, sessionId);
				return importNotes(tx, {
					session: session!,
					sheet: Papa.parse<string[]>(text).data,
					fileText: text,
					dryRun
				});
			});
		const total = async () => (await db.query('select 1 from public.session_notes')).length;

		it('a dry run stores nothing; a file with one bad row stores nothing', async () => {
			const before = await total();
			expect(await run(ownerA, csv, true)).toMatchObject({ ok: true, imported: 0 });
			const bad = `${csv}\n,quote,fr,9,`;
			const result = await run(ownerA, bad, false);
			expect(result).toMatchObject({ ok: true, imported: 0 });
			expect((result as { reading: { problems: unknown[] } }).reading.problems).toEqual([
				{ row: 4, column: 'text', value: '', error: 'sessions.errors.note_required' },
				{ row: 4, column: 'prompt', value: '9', error: 'sessions.csv.unknown_prompt' }
			]);
			expect(await total()).toBe(before);
		});

		it('imports every row once, in file order, for writers only', async () => {
			const before = await total();
			expect(await run(analystA, csv, false)).toEqual({
				ok: false,
				error: 'sessions.errors.not_allowed'
			});
			expect(await total()).toBe(before);
			expect(await run(volunteerA, csv, false)).toMatchObject({
				ok: true,
				imported: 2,
				duplicates: 0
			});
			expect(await run(volunteerA, csv, false)).toMatchObject({
				ok: true,
				imported: 0,
				duplicates: 2
			});
			const notes = await as(db, volunteerA, (tx) => listNotes(tx, sessionId));
			expect(notes.slice(-2).map((n) => [n.kind, n.language, n.body, n.promptId])).toEqual([
				['quote', 'fr', { fr: "Il faut plus d'arbres", en: 'We need more trees' }, promptIds[0]],
				['summary', 'en', { en: 'Lighting on the path', fr: '' }, promptIds[1]]
			]);
		});
	});
	describe('notes in the coding queue', () => {
		it('coders see notes beside answers, code them, and deleting a note takes its codings', async () => {
			const [theme] = await db.query<{ id: string }>(
				`insert into public.themes (community_id, code, name) values ($1, 'parks', '{"en":"Parks","fr":"Parcs"}') returning id`,
				[A]
			);
			const items = await as(db, analystA, (tx) => listSourceItems(tx, A));
			const notes = items.filter((item) => item.kind === 'note');
			expect(notes.length).toBeGreaterThan(0);
			expect(notes[0]).toMatchObject({
				participantId: sessionId,
				responseId: null,
				channel: 'focus_group',
				context: { en: 'Focus group, 2026-03-14' }
			});
			expect(
				await as(db, analystA, (tx) => listSourceItems(tx, A, { channel: 'interview' }))
			).toEqual([]);
			expect(await as(db, ownerB, (tx) => listSourceItems(tx, A))).toEqual([]);
			// the queue's session filter keeps that session's notes and nothing else
			const bySession = async (session: string) =>
				(
					await as(db, analystA, (tx) =>
						codingQueue(tx, A, [], { status: 'all', page: 1, sessionId: session })
					)
				).items.map((item) => item.key);
			expect((await bySession(sessionId)).sort()).toEqual(
				notes
					.filter((note) => note.sessionId === sessionId)
					.map((note) => note.key)
					.sort()
			);
			expect(await bySession(crypto.randomUUID())).toEqual([]);

			const key = notes[0].key;
			expect(
				await as(db, analystA, (tx) =>
					codeItems(tx, { communityId: A, itemKeys: [key], add: [theme.id] })
				)
			).toMatchObject({ ok: true, changes: 1 });
			expect(
				await as(db, ownerB, (tx) =>
					codeItems(tx, { communityId: B, itemKeys: [key], add: [theme.id] })
				)
			).toMatchObject({ ok: false });
			const codings = () => db.query('select 1 from public.codings where item_key = $1', [key]);
			expect(await codings()).toHaveLength(1);
			await as(db, ownerA, (tx) =>
				deleteNote(tx, { sessionId, noteId: key.slice('note:'.length) })
			);
			expect(await codings()).toHaveLength(0);
		});
	});
	describe('attendee tallies in representation', () => {
		it('count under the session’s channel and language, for those who see representation', async () => {
			await as(db, ownerA, (tx) =>
				recordSession(tx, {
					communityId: A,
					form: form({ kind: 'observation', attendees: '30', language: 'en' }),
					tally: { gender: { man: 30 } }
				})
			);
			const counts = await as(db, analystA, (tx) => participantCounts(tx, A));
			// the observation's 30 are not voices heard, so they do not count
			expect(counts.totals).toEqual([{ channel: 'focus_group', language: 'fr', participants: 8 }]);
			expect(counts.demographics).toEqual(
				expect.arrayContaining([
					{
						channel: 'focus_group',
						language: 'fr',
						dimension: 'gender',
						value: 'woman',
						participants: 5
					},
					{
						channel: 'focus_group',
						language: 'fr',
						dimension: 'gender',
						value: 'man',
						participants: 2
					}
				])
			);
			expect(
				(await as(db, analystA, (tx) => participantCounts(tx, A, { channel: 'interview' }))).totals
			).toEqual([]);
			expect(
				(await as(db, analystA, (tx) => participantCounts(tx, A, { questionnaireId: sessionId })))
					.totals
			).toEqual([]);
			for (const who of [volunteerA, ownerB])
				expect((await as(db, who, (tx) => participantCounts(tx, A))).totals).toEqual([]);
		});
	});
});

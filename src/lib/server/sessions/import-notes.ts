import { noteBody } from '$lib/domain/sessions/notes';
import { readNotesSheet, type NotesReading } from '$lib/domain/sessions/notes-csv';
import type { Tx } from '../db/types';
import { rowResponseId } from '../questionnaires/import-paper-responses';
import { noteChecks } from './add-note';
import { guarded, type Refusal } from './outcomes';
import type { SessionRecord } from './load-session';

/**
 * Checks, and on request imports, notes typed elsewhere into a session, all or nothing.
 * Outcomes: { ok: true, reading, imported: 0 } for a dry run, or when the file has any problem
 * (nothing is stored then) | { ok: true, reading, imported, duplicates } once every row is in;
 * rows already imported from the same file are not added again | notAllowed (RLS), in which
 * case no row is kept.
 */
export async function importNotes(
	tx: Tx,
	input: { session: SessionRecord; sheet: string[][]; fileText: string; dryRun: boolean }
): Promise<{ ok: true; reading: NotesReading; imported: number; duplicates: number } | Refusal> {
	const { session } = input;
	const reading = readNotesSheet(input.sheet, session.guide?.prompts ?? [], session.language);
	if (input.dryRun || reading.problems.length > 0)
		return { ok: true, reading, imported: 0, duplicates: 0 };
	const result = await guarded(
		tx,
		async (sp) => {
			const rows = reading.notes.map((note, n) => ({
				n,
				// the same file imported twice gives the same ids: nothing is added twice
				id: rowResponseId(session.id, input.fileText, note.row),
				prompt_id: note.promptId,
				kind: note.kind,
				language: note.language,
				body: noteBody(note)
			}));
			const inserted = await sp.query(
				// a microsecond apart, so the notes keep the file's order
				`insert into public.session_notes (id, session_id, community_id, prompt_id, kind, language, body, created_at)
			select v.id, $1, $2, v.prompt_id, v.kind::public.session_note_kind,
				v.language::public.content_language, v.body, now() + v.n * interval '1 microsecond'
			from jsonb_to_recordset($3::jsonb)
				as v(n int, id uuid, prompt_id uuid, kind text, language text, body jsonb)
			on conflict (id) do nothing returning id`,
				[session.id, session.communityId, JSON.stringify(rows)]
			);
			return inserted.length;
		},
		noteChecks
	);
	if (!result.ok) return result;
	return {
		ok: true,
		reading,
		imported: result.value,
		duplicates: reading.notes.length - result.value
	};
}

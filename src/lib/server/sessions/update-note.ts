import { noteBody, type NoteInput } from '$lib/domain/sessions/notes';
import type { Tx } from '../db/types';
import { noteChecks } from './add-note';
import { guarded, notAllowed, type Refusal } from './outcomes';

/**
 * Corrects a note after the session: its text, translation, kind, language or prompt.
 * Outcomes: { ok: true } | 'sessions.errors.prompt_not_in_guide' | notAllowed (not there, or
 * RLS: volunteers change only their own notes).
 */
export async function updateNote(
	tx: Tx,
	input: { sessionId: string; noteId: string; note: NoteInput }
): Promise<{ ok: true } | Refusal> {
	const { note } = input;
	const result = await guarded(
		tx,
		(sp) =>
			sp.query(
				`update public.session_notes set prompt_id = $3, kind = $4, language = $5, body = $6::jsonb,
					updated_at = now()
				where id = $1 and session_id = $2 returning id`,
				[
					input.noteId,
					input.sessionId,
					note.promptId,
					note.kind,
					note.language,
					JSON.stringify(noteBody(note))
				]
			),
		noteChecks
	);
	if (!result.ok) return result;
	return result.value.length > 0 ? { ok: true } : notAllowed;
}

import { noteBody, type NoteInput } from '$lib/domain/sessions/notes';
import type { Tx } from '../db/types';
import { guarded, type Refusal } from './outcomes';

/** Database checks the note commands turn into answers. */
export const noteChecks = { prompt_not_in_guide: 'sessions.errors.prompt_not_in_guide' };

/**
 * Saves one note, taken in the caller's name. With an id (generated with the form), sending the
 * same form again saves nothing more.
 * Outcomes: { ok: true, created } | 'sessions.errors.prompt_not_in_guide' when the prompt is not
 * in the session's guide | notAllowed (RLS: analysts, outsiders, or the session is not there).
 */
export async function addNote(
	tx: Tx,
	input: { sessionId: string; communityId: string; id: string | null; note: NoteInput }
): Promise<{ ok: true; created: boolean } | Refusal> {
	const { note } = input;
	const result = await guarded(
		tx,
		(sp) =>
			sp.query(
				`insert into public.session_notes (id, session_id, community_id, prompt_id, kind, language, body)
				values (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7::jsonb)
				on conflict (id) do nothing returning id`,
				[
					input.id,
					input.sessionId,
					input.communityId,
					note.promptId,
					note.kind,
					note.language,
					JSON.stringify(noteBody(note))
				]
			),
		noteChecks
	);
	return result.ok ? { ok: true, created: result.value.length > 0 } : result;
}

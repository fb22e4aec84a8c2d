import type { Queryable } from '../db/types';
import type { SessionNote } from './list-notes';

/** One note of a session, or null when not there or not visible (RLS: volunteers' own only). */
export async function loadNote(
	tx: Queryable,
	input: { sessionId: string; noteId: string }
): Promise<SessionNote | null> {
	const [note] = await tx.query<SessionNote>(
		`select id, kind, language, body, prompt_id as "promptId", created_at as "createdAt"
		from public.session_notes where id = $1 and session_id = $2`,
		[input.noteId, input.sessionId]
	);
	return note ?? null;
}

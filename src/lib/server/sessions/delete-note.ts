import type { Queryable } from '../db/types';
import { notAllowed, type Refusal } from './outcomes';

/**
 * Deletes a note.
 * Outcomes: { ok: true } | notAllowed (not there, or RLS: volunteers delete only their own).
 */
export async function deleteNote(
	tx: Queryable,
	input: { sessionId: string; noteId: string }
): Promise<{ ok: true } | Refusal> {
	const rows = await tx.query(
		'delete from public.session_notes where id = $1 and session_id = $2 returning id',
		[input.noteId, input.sessionId]
	);
	return rows.length > 0 ? { ok: true } : notAllowed;
}

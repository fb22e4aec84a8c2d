import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { NoteKind } from '$lib/domain/sessions/notes';
import type { Lang } from '$lib/i18n/languages';
import type { Queryable } from '../db/types';

export interface SessionNote {
	id: string;
	kind: NoteKind;
	language: Lang;
	/** the note in `language`, and its translation in the other one ('' when none) */
	body: Bilingual;
	promptId: string | null;
	createdAt: Date;
}

/** A session's notes the caller can read, in the order they were taken. */
export function listNotes(tx: Queryable, sessionId: string): Promise<SessionNote[]> {
	return tx.query<SessionNote>(
		`select id, kind, language, body, prompt_id as "promptId", created_at as "createdAt"
		from public.session_notes where session_id = $1 order by created_at, id`,
		[sessionId]
	);
}

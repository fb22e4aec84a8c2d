import type { SessionKind } from '$lib/domain/sessions/records';
import type { Lang } from '$lib/i18n/languages';
import type { Queryable } from '../db/types';

export interface SessionSummary {
	id: string;
	kind: SessionKind;
	/** YYYY-MM-DD */
	heldOn: string;
	place: string;
	language: Lang;
	attendees: number;
	/** notes the caller can read (volunteers: their own) */
	notes: number;
}

/** A community's session records, latest first. */
export function listSessions(tx: Queryable, communityId: string): Promise<SessionSummary[]> {
	return tx.query<SessionSummary>(
		`select s.id, s.kind, s.held_on::text as "heldOn", s.place, s.language, s.attendees,
			(select count(*)::int from public.session_notes n where n.session_id = s.id) as notes
		from public.listening_sessions s where s.community_id = $1
		order by s.held_on desc, s.created_at desc`,
		[communityId]
	);
}

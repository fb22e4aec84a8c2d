import type { SessionKind } from '$lib/domain/sessions/records';
import { tallyFromRows, type AttendeeTally, type TallyRow } from '$lib/domain/sessions/tally';
import type { Lang } from '$lib/i18n/languages';
import type { Queryable } from '../db/types';
import { loadGuide, type Guide } from './load-guide';

export interface SessionRecord {
	id: string;
	communityId: string;
	kind: SessionKind;
	/** YYYY-MM-DD */
	heldOn: string;
	place: string;
	language: Lang;
	facilitatorId: string | null;
	/** the team member's display name, or the name typed in */
	facilitator: string;
	facilitatorName: string;
	attendees: number;
	consentNoted: boolean;
	guideId: string | null;
	tally: AttendeeTally;
	guide: Guide | null;
}

/** A session record with its tally and guide, or null when not there or not visible (RLS). */
export async function loadSession(tx: Queryable, sessionId: string): Promise<SessionRecord | null> {
	const [session] = await tx.query<Omit<SessionRecord, 'tally' | 'guide'>>(
		`select s.id, s.community_id as "communityId", s.kind, s.held_on::text as "heldOn", s.place,
			s.language, s.facilitator_id as "facilitatorId", s.facilitator_name as "facilitatorName",
			coalesce(p.display_name, s.facilitator_name) as facilitator, s.attendees,
			s.consent_noted as "consentNoted", s.guide_id as "guideId"
		from public.listening_sessions s left join public.profiles p on p.id = s.facilitator_id
		where s.id = $1`,
		[sessionId]
	);
	if (!session) return null;
	const counts = await tx.query<TallyRow>(
		'select dimension, value, attendees from public.session_attendee_counts where session_id = $1',
		[sessionId]
	);
	return {
		...session,
		tally: tallyFromRows(counts),
		guide: session.guideId ? await loadGuide(tx, session.guideId) : null
	};
}

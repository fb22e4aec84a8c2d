import { tallyRows, type AttendeeTally } from '$lib/domain/sessions/tally';
import type { SessionForm } from '$lib/domain/sessions/records';
import type { Queryable } from '../db/types';

/* What recording and editing a session share. */

/** Database checks the session commands turn into answers (see guarded). */
export const sessionChecks = {
	tally_exceeds_attendees: 'sessions.errors.tally_exceeds',
	guide_in_use: 'sessions.errors.guide_in_use'
};

/** The record's columns, in the order the insert and the update take them ($2 …). */
export function recordParams(form: SessionForm): unknown[] {
	return [
		form.kind,
		form.heldOn,
		form.place,
		form.language,
		form.facilitatorId,
		form.facilitatorName,
		form.attendees,
		form.consentNoted,
		form.guideId
	];
}

/**
 * The field naming something of another community, if any: a facilitator must be on the team
 * and the guide the community's own (the database checks the guide again).
 */
export async function foreignReference(
	tx: Queryable,
	communityId: string,
	form: SessionForm
): Promise<{ ok: false; field: string; error: string } | null> {
	const refused = (field: string) => ({
		ok: false as const,
		field,
		error: 'errors.invalid_choice'
	});
	if (form.facilitatorId) {
		const member = await tx.query(
			'select 1 from public.memberships where community_id = $1 and user_id = $2',
			[communityId, form.facilitatorId]
		);
		if (member.length === 0) return refused('facilitatorId');
	}
	if (form.guideId) {
		const guide = await tx.query(
			'select 1 from public.discussion_guides where id = $1 and community_id = $2',
			[form.guideId, communityId]
		);
		if (guide.length === 0) return refused('guideId');
	}
	return null;
}

/** Replaces the session's tally; the database refuses a dimension over the attendance. */
export async function writeTally(tx: Queryable, sessionId: string, tally: AttendeeTally) {
	await tx.query('delete from public.session_attendee_counts where session_id = $1', [sessionId]);
	const rows = tallyRows(tally);
	if (rows.length === 0) return;
	await tx.query(
		`insert into public.session_attendee_counts (session_id, dimension, value, attendees)
		select $1, v.dimension, v.value, v.attendees
		from jsonb_to_recordset($2::jsonb) as v(dimension text, value text, attendees int)`,
		[sessionId, JSON.stringify(rows)]
	);
}

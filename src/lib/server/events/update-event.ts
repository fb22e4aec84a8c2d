import type { EventForm } from '$lib/domain/events/forms';
import type { Tx } from '../db/types';

/**
 * Changes an event's settings, or opens and closes it. The join code and presenter key stay.
 * Outcomes: { ok: true } | { ok: false, error: 'events.errors.not_allowed' } when RLS leaves the
 * caller nothing to update (not an owner or organizer, or no such event) | { ok: false, error:
 * 'events.errors.questionnaire' } for a questionnaire of another community.
 */
export async function updateEvent(
	tx: Tx,
	id: string,
	input: EventForm
): Promise<{ ok: true } | { ok: false; error: string }> {
	if (input.questionnaireId) {
		const [own] = await tx.query(
			`select 1 from public.questionnaires q join public.events e on e.community_id = q.community_id
			where q.id = $1 and e.id = $2`,
			[input.questionnaireId, id]
		);
		if (!own) return { ok: false, error: 'events.errors.questionnaire' };
	}
	const rows = await tx.query(
		`update public.events set kind = $2, title = $3::jsonb, held_on = $4::date, place = $5,
			questionnaire_id = $6, display = $7, updated_at = now()
		where id = $1 returning id`,
		[
			id,
			input.kind,
			JSON.stringify(input.title),
			input.heldOn,
			input.place,
			input.questionnaireId,
			input.display
		]
	);
	return rows.length ? { ok: true } : { ok: false, error: 'events.errors.not_allowed' };
}

/** Opens or closes an event to phones. Outcomes as updateEvent's. */
export async function setEventStatus(
	tx: Tx,
	id: string,
	status: 'open' | 'closed'
): Promise<{ ok: true } | { ok: false; error: string }> {
	const rows = await tx.query(
		'update public.events set status = $2, updated_at = now() where id = $1 returning id',
		[id, status]
	);
	return rows.length ? { ok: true } : { ok: false, error: 'events.errors.not_allowed' };
}

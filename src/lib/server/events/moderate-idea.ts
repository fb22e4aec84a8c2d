import type { Tx } from '../db/types';

export interface TeamIdea {
	id: string;
	body: string;
	language: 'en' | 'fr';
	status: 'pending' | 'approved' | 'hidden';
	createdAt: Date;
}

/** An event's ideas for moderation: waiting ones first, then the rest, newest first. */
export async function listIdeas(tx: Tx, eventId: string): Promise<TeamIdea[]> {
	return tx.query<TeamIdea>(
		`select id, body, language, status, created_at as "createdAt" from public.event_ideas
		where event_id = $1
		order by status = 'pending' desc, created_at desc
		limit 500`,
		[eventId]
	);
}

/**
 * Approves, hides or puts back an idea of an event. Approved ideas show on the wall and the
 * presenter screen at once; hidden ones nowhere.
 * Outcomes: { ok: true } | { ok: false, error: 'events.errors.not_allowed' } when RLS leaves the
 * caller nothing to change (not an owner or organizer, or no such idea in this event).
 */
export async function moderateIdea(
	tx: Tx,
	input: { eventId: string; ideaId: string; status: TeamIdea['status'] }
): Promise<{ ok: true } | { ok: false; error: string }> {
	const rows = await tx.query(
		`update public.event_ideas
		set status = $3, moderated_at = now(), moderated_by = (select auth.uid())
		where id = $2 and event_id = $1 returning id`,
		[input.eventId, input.ideaId, input.status]
	);
	return rows.length ? { ok: true } : { ok: false, error: 'events.errors.not_allowed' };
}

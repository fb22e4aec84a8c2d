import type { LiveSnapshot } from '$lib/domain/events/live';
import type { Queryable } from '../db/types';

export type { LiveSnapshot };

export const LIVE_IDEAS = 30;

/**
 * The live state of an event, read through the public functions only, so that anonymous phones
 * and the team read the same thing. null when there is no such event.
 */
export async function eventLive(tx: Queryable, eventId: string): Promise<LiveSnapshot | null> {
	const [row] = await tx.query<{ status: LiveSnapshot['status']; ideas: LiveSnapshot['ideas'] }>(
		`select e.status,
			coalesce((select jsonb_agg(jsonb_build_object('id', i.id, 'body', i.body, 'language', i.language)
				order by i.moderated_at desc, i.id)
				from public.event_approved_ideas($1, $2) i), '[]'::jsonb) as ideas
		from public.event_status_by_id($1) e`,
		[eventId, LIVE_IDEAS]
	);
	return row ? { ...row, votes: [] } : null;
}

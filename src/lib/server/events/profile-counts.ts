import type { Tx } from '../db/types';

/** How many phones gave each answer of the event profile (RLS: owners, organizers, analysts). */
export async function profileCounts(
	tx: Tx,
	eventId: string
): Promise<{ dimension: string; value: string; people: number }[]> {
	return tx.query(
		`select dimension, value, count(*)::int as people from public.event_profile_answers
		where event_id = $1 group by dimension, value`,
		[eventId]
	);
}

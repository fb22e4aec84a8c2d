import type { Db, Queryable } from '../db/types';
import type { PublicEvent } from './event-rows';

/*
 * The join rate limit, kept in the database so it holds across restarts and instances. A whole
 * hall often shares one address (the venue's Wi-Fi), so joins are limited generously; codes that
 * match no event, which is what someone guessing codes sends, are limited hard.
 */
export const JOIN_WINDOW_MINUTES = 10;
export const MAX_JOINS_PER_ADDRESS = 1000;
export const MAX_MISSES_PER_ADDRESS = 20;

/** An event by its join code (public.event_by_code), or null. */
export async function findEventByCode(tx: Queryable, code: string): Promise<PublicEvent | null> {
	const [row] = await tx.query<PublicEvent>(
		`select id, community_id as "communityId", community_name as "communityName", kind, title,
			to_char(held_on, 'YYYY-MM-DD') as "heldOn", place, status, display,
			questionnaire_slug as "questionnaireSlug"
		from public.event_by_code($1)`,
		[code]
	);
	return row ?? null;
}

/**
 * A phone joining an event by its code (public.join_event, through the server's own connection:
 * the address is the server's word): the address's recent joins are checked, the code looked up
 * and the attempt recorded in one round trip, as it happens on every request to an event's page.
 * A phone that already joined (it has a device token) is not counted again for a known code, so
 * the pages it reloads at the event do not use up its address's joins; a miss always counts.
 * Outcomes: { ok: true, event } | { ok: false, reason: 'not_found' } for an unknown code |
 * { ok: false, reason: 'rate_limited' } when this address joined or missed too often recently
 * (nothing is looked up then).
 */
export async function joinEvent(
	db: Db,
	code: string,
	address: string,
	{ newPhone = true }: { newPhone?: boolean } = {}
): Promise<{ ok: true; event: PublicEvent } | { ok: false; reason: 'not_found' | 'rate_limited' }> {
	const [{ gate }] = await db.query<{ gate: { limited: boolean; event?: PublicEvent | null } }>(
		'select public.join_event($1, $2, $3, $4, $5, $6) as gate',
		[code, address, newPhone, JOIN_WINDOW_MINUTES, MAX_JOINS_PER_ADDRESS, MAX_MISSES_PER_ADDRESS]
	);
	if (gate.limited) return { ok: false, reason: 'rate_limited' };
	// Old rows serve no purpose; pruning now and then keeps the table small without a scheduler.
	if (Math.random() < 0.02)
		await db.query(
			`delete from public.event_join_attempts where attempted_at < now() - interval '1 day'`
		);
	return gate.event ? { ok: true, event: gate.event } : { ok: false, reason: 'not_found' };
}

import type { Tx } from '../db/types';

export interface SigninCount {
	dimension: string;
	value: string;
	people: number;
}

/** The sign-in sheet counts entered for an event; the total is the group ('total', 'all'). */
export async function listSigninCounts(tx: Tx, eventId: string): Promise<SigninCount[]> {
	return tx.query<SigninCount>(
		'select dimension, value, people from public.event_signin_counts where event_id = $1',
		[eventId]
	);
}

/**
 * Replaces an event's sign-in sheet counts (total and per demographic group) as typed from the
 * paper sheet. Zero counts are not stored.
 * Outcomes: { ok: true } | { ok: false, error: 'events.errors.not_allowed' } when the caller
 * may not enter them (owners, organizers and volunteers may); nothing changes then.
 */
export async function saveSigninCounts(
	tx: Tx,
	input: { eventId: string; attendees: number; counts: SigninCount[] }
): Promise<{ ok: true } | { ok: false; error: string }> {
	const [allowed] = await tx.query<{ ok: boolean }>(
		`select public.event_role($1, '{owner,organizer,volunteer}') as ok`,
		[input.eventId]
	);
	if (!allowed?.ok) return { ok: false, error: 'events.errors.not_allowed' };
	await tx.query('delete from public.event_signin_counts where event_id = $1', [input.eventId]);
	// The sheet's total is stored as the group ('total', 'all').
	const rows = [...input.counts, { dimension: 'total', value: 'all', people: input.attendees }];
	for (const count of rows.filter((row) => row.people > 0))
		await tx.query(
			`insert into public.event_signin_counts (event_id, dimension, value, people)
			values ($1, $2, $3, $4)`,
			[input.eventId, count.dimension, count.value, count.people]
		);
	return { ok: true };
}

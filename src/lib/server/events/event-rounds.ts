import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import { pgError } from '../db/errors';
import type { Queryable, Tx } from '../db/types';

/** The community's rounds an event may run as its live vote (pairwise rounds run on /v/). */
export async function roundChoices(
	tx: Queryable,
	communityId: string
): Promise<{ id: string; title: Bilingual; status: string; eventId: string | null }[]> {
	return tx.query(
		`select id, title, status, event_id as "eventId" from public.vote_rounds
		where community_id = $1 and method <> 'pairwise' order by created_at desc`,
		[communityId]
	);
}

/** The ids of the rounds attached to an event. */
export async function eventRoundIds(tx: Queryable, eventId: string): Promise<string[]> {
	const rows = await tx.query<{ id: string }>(
		'select id from public.vote_rounds where event_id = $1 order by created_at',
		[eventId]
	);
	return rows.map((row) => row.id);
}

/**
 * Makes a round the event's live vote (or none, with null): any other round attached to the
 * event is let go. Outcomes: { ok: true } | { ok: false, error: 'events.errors.not_allowed' }
 * when RLS leaves the caller nothing to change (not an owner or organizer) or the round is not
 * the community's; nothing changes then.
 */
export async function setEventRound(
	tx: Tx,
	input: { eventId: string; communityId: string; roundId: string | null }
): Promise<{ ok: true } | { ok: false; error: string }> {
	return tx
		.savepoint(async (sp) => {
			await sp.query(
				'update public.vote_rounds set event_id = null where event_id = $1 and id is distinct from $2',
				[input.eventId, input.roundId]
			);
			if (!input.roundId) return { ok: true as const };
			const rows = await sp.query(
				`update public.vote_rounds set event_id = $1, updated_at = now()
			where id = $2 and community_id = $3 and method <> 'pairwise' returning id`,
				[input.eventId, input.roundId, input.communityId]
			);
			if (rows.length) return { ok: true as const };
			throw new RoundRefused();
		})
		.catch((error: unknown) => {
			if (error instanceof RoundRefused || pgError(error).hint === 'event_community')
				return { ok: false as const, error: 'events.errors.not_allowed' };
			throw error;
		});
}

class RoundRefused extends Error {}

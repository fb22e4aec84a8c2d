import type { Tx } from '../db/types';
import { guarded, hasBallots, notAllowed, notFound, type Refusal } from './refusals';

/**
 * Removes an option from a round that has no ballots yet.
 * Outcomes: { ok: true } | not found | not allowed (RLS) | has ballots.
 */
export async function deleteOption(
	tx: Tx,
	roundId: string,
	optionId: string
): Promise<{ ok: true } | Refusal> {
	const [round] = await tx.query<{ ballots: number }>(
		`select (select count(*)::int from public.ballots b where b.round_id = r.id) as ballots
		from public.vote_rounds r where id = $1`,
		[roundId]
	);
	if (!round) return notFound;
	if (round.ballots > 0) return hasBallots;
	const rows = await guarded(tx, (sp) =>
		sp.query('delete from public.vote_options where id::text = $1 and round_id = $2 returning id', [
			optionId,
			roundId
		])
	);
	if ('ok' in rows) return rows;
	return rows.length > 0 ? { ok: true } : notAllowed;
}

import type { Tx } from '../db/types';
import type { VoteRound } from './load-round';
import { guarded, type Refusal } from './refusals';

/** Methods whose paper votes are marks per option that can simply be counted and added. */
export function takesPaperTallies(method: VoteRound['method']): boolean {
	return method === 'dots' || method === 'approval';
}

/**
 * Sets the paper tallies of a round: for each option, the dots or approvals counted on paper
 * (channel paper). Entered after the round as totals, so entering the same sheet twice does not
 * count it twice. All options are written in one savepoint: all or nothing.
 * Outcomes: { ok: true } | 'voting.errors.no_paper' for ranking and pairwise rounds (a paper
 * ranking is a ballot, not a count) | not allowed (RLS: owners and organizers).
 */
export async function savePaperTallies(
	tx: Tx,
	round: VoteRound,
	counts: Record<string, number>
): Promise<{ ok: true } | Refusal> {
	if (!takesPaperTallies(round.method)) return { ok: false, error: 'voting.errors.no_paper' };
	const result = await guarded(tx, async (sp) => {
		for (const option of round.options)
			await sp.query(
				`insert into public.vote_paper_tallies (round_id, option_id, count, entered_by)
				values ($1, $2, $3, (select auth.uid()))
				on conflict (round_id, option_id) do update
				set count = excluded.count, entered_by = excluded.entered_by, entered_at = now()`,
				[round.id, option.id, counts[option.id] ?? 0]
			);
		return { ok: true as const };
	});
	return result;
}

export async function loadPaperTallies(tx: Tx, roundId: string): Promise<Record<string, number>> {
	const rows = await tx.query<{ optionId: string; count: number }>(
		'select option_id as "optionId", count from public.vote_paper_tallies where round_id = $1',
		[roundId]
	);
	return Object.fromEntries(rows.map((row) => [row.optionId, row.count]));
}

import { openProblems, type OpenProblem, type RoundStatus } from '$lib/domain/voting';
import type { Queryable } from '../db/types';
import { loadRound } from './load-round';
import { notAllowed, notFound, type Refusal } from './refusals';

export type StatusAction = 'open' | 'close' | 'reopen';

const transitions: Record<StatusAction, { from: RoundStatus; to: RoundStatus }> = {
	open: { from: 'draft', to: 'open' },
	close: { from: 'open', to: 'closed' },
	reopen: { from: 'closed', to: 'open' }
};

/**
 * Opens a draft round, closes an open one (its ballots can no longer change), or reopens it.
 * Opening is refused while anything would stop residents from voting in either language: every
 * problem is returned. Outcomes: { ok: true, status } | { ok: false, problems } |
 * 'voting.errors.wrong_status' | not found | not allowed (RLS).
 */
export async function setRoundStatus(
	tx: Queryable,
	roundId: string,
	action: StatusAction
): Promise<{ ok: true; status: RoundStatus } | { ok: false; problems: OpenProblem[] } | Refusal> {
	const round = await loadRound(tx, { id: roundId });
	if (!round) return notFound;
	const { from, to } = transitions[action];
	if (round.status !== from) return { ok: false, error: 'voting.errors.wrong_status' };
	if (to === 'open') {
		const problems = openProblems(round);
		if (problems.length > 0) return { ok: false, problems };
	}
	const rows = await tx.query(
		`update public.vote_rounds set status = $3::public.vote_round_status, updated_at = now()
		where id = $1 and status = $2::public.vote_round_status returning id`,
		[roundId, from, to]
	);
	return rows.length > 0 ? { ok: true, status: to } : notAllowed;
}

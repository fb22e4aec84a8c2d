import {
	profileDimensions,
	roundResults as computeResults,
	seedFrom,
	type CountedBallot,
	type PaperTallies,
	type RoundResults
} from '$lib/domain/voting';
import type { Tx } from '../db/types';
import { rulesOf, type VoteRound } from './load-round';
import { loadPaperTallies } from './save-paper-tallies';

/** Bootstrap resamples on the results page: enough for stable 95% percentile intervals. */
export const REPS = 200;

/**
 * Every ballot of a round in one query (marks, pairwise answers and profile aggregated per
 * ballot in SQL), in the order cast, and the round's paper tallies. A ballot's weight comes
 * from `weights` by its id (default 1). RLS shows a volunteer no ballots.
 */
export async function loadCountedBallots(
	tx: Tx,
	roundId: string,
	weights?: ReadonlyMap<string, number>
): Promise<{ ballots: CountedBallot[]; paper: PaperTallies }> {
	const rows = await tx.query<{
		id: string;
		channel: string;
		marks: Record<string, number>;
		comparisons: { winner: string; loser: string }[];
		profile: Record<string, string>;
	}>(
		`select b.id, b.channel,
			coalesce((select jsonb_object_agg(m.option_id, m.value) from public.ballot_marks m where m.ballot_id = b.id), '{}') as marks,
			coalesce((select jsonb_agg(jsonb_build_object('winner', c.winner_id, 'loser', c.loser_id))
				from public.ballot_comparisons c where c.ballot_id = b.id), '[]') as comparisons,
			coalesce((select jsonb_object_agg(p.dimension, p.value) from public.ballot_profiles p where p.ballot_id = b.id), '{}') as profile
		from public.ballots b where b.round_id = $1 order by b.cast_at, b.id`,
		[roundId]
	);
	const ballots: CountedBallot[] = rows.map((row) => ({
		marks: row.marks,
		comparisons: row.comparisons,
		channel: row.channel,
		profile: row.profile,
		weight: weights?.get(row.id)
	}));
	return { ballots, paper: await loadPaperTallies(tx, roundId) };
}

/**
 * The round's results for the team from its counted ballots: scores with bootstrap intervals,
 * by channel and by each profile dimension, with suppression below the community's k. Seeded by
 * the round id, so the page shows the same intervals on every visit. Paper tallies are added
 * to the scores.
 */
export function scoreRound(
	round: VoteRound,
	ballots: readonly CountedBallot[],
	paper: PaperTallies,
	k: number
): RoundResults {
	return computeResults(rulesOf(round), ballots, paper, {
		k,
		seed: seedFrom(round.id),
		reps: REPS,
		dimensions: profileDimensions
	});
}

/**
 * A round's results for the team (see scoreRound), read and scored. A caller who may not read
 * ballots (RLS shows them none; volunteers) gets the results of no ballots.
 */
export async function loadRoundResults(
	tx: Tx,
	round: VoteRound,
	k: number,
	weights?: ReadonlyMap<string, number>
): Promise<{ results: RoundResults; paper: Record<string, number> }> {
	const { ballots, paper } = await loadCountedBallots(tx, round.id, weights);
	return { results: scoreRound(round, ballots, paper, k), paper };
}

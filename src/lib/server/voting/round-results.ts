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
 * Every ballot of a round in one query, grouped in SQL into patterns: ballots alike in channel,
 * marks, pairwise answers and profile come back as one row with their count, so a round of a
 * million ballots is read as a few thousand rows. Patterns come in the order of their first
 * ballot cast, as the ballots would; and the round's paper tallies. RLS shows a volunteer no
 * ballots.
 */
export async function loadCountedBallots(
	tx: Tx,
	roundId: string
): Promise<{ ballots: CountedBallot[]; paper: PaperTallies }> {
	const rows = await tx.query<{
		channel: string;
		marks: Record<string, number>;
		comparisons: { winner: string; loser: string }[];
		profile: Record<string, string>;
		count: number;
	}>(
		`select b.channel, m.marks, c.comparisons, p.profile, count(*)::int as count
		from (select id, channel, row_number() over (order by cast_at, id) as cast_order
			from public.ballots where round_id = $1) b
		cross join lateral (select coalesce(jsonb_object_agg(m.option_id, m.value), '{}') as marks
			from public.ballot_marks m where m.ballot_id = b.id) m
		cross join lateral (select coalesce(jsonb_agg(jsonb_build_object('winner', c.winner_id, 'loser', c.loser_id)
				order by c.winner_id, c.loser_id), '[]') as comparisons
			from public.ballot_comparisons c where c.ballot_id = b.id) c
		cross join lateral (select coalesce(jsonb_object_agg(p.dimension, p.value), '{}') as profile
			from public.ballot_profiles p where p.ballot_id = b.id) p
		group by b.channel, m.marks, c.comparisons, p.profile
		order by min(b.cast_order)`,
		[roundId]
	);
	return { ballots: rows, paper: await loadPaperTallies(tx, roundId) };
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
	k: number
): Promise<{ results: RoundResults; paper: Record<string, number> }> {
	const { ballots, paper } = await loadCountedBallots(tx, round.id);
	return { results: scoreRound(round, ballots, paper, k), paper };
}

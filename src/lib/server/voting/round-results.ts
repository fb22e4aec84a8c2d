import {
	profileDimensions,
	roundResults as computeResults,
	seedFrom,
	type CountedBallot,
	type RoundResults
} from '$lib/domain/voting';
import type { Tx } from '../db/types';
import { rulesOf, type VoteRound } from './load-round';
import { loadPaperTallies } from './save-paper-tallies';

/** Bootstrap resamples on the results page: enough for stable 95% percentile intervals. */
const REPS = 200;

/**
 * A round's results for the team: every ballot read in one query (marks, pairwise answers and
 * profile aggregated per ballot in SQL), then scored with bootstrap intervals, by channel and by
 * each profile dimension, with suppression below the community's k. Seeded by the round id, so
 * the page shows the same intervals on every visit. Paper tallies are added to the scores.
 * Returns null for a caller who may not read ballots (RLS shows them none; volunteers).
 */
export async function loadRoundResults(
	tx: Tx,
	round: VoteRound,
	k: number,
	weights?: ReadonlyMap<string, number>
): Promise<{ results: RoundResults; paper: Record<string, number> }> {
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
		[round.id]
	);
	const ballots: CountedBallot[] = rows.map((row) => ({
		marks: row.marks,
		comparisons: row.comparisons,
		channel: row.channel,
		profile: row.profile,
		weight: weights?.get(row.id)
	}));
	const paper = await loadPaperTallies(tx, round.id);
	return {
		results: computeResults(rulesOf(round), ballots, paper, {
			k,
			seed: seedFrom(round.id),
			reps: REPS,
			dimensions: profileDimensions
		}),
		paper
	};
}

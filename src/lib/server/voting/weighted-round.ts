/**
 * A round's results for the team, and the same results weighted to the community's census
 * baselines on the profile dimensions the organizer picks (see
 * $lib/domain/weighting/vote-round): the ballots are read once and scored twice.
 *
 * Outcomes: weighted is null when no weighting was asked for, when there are no ballots, or
 * when the raw results may not be shown (fewer than k ballots: weighting would show what
 * suppression hides); otherwise { ok: false, problems } when raking refuses (a group with nobody or too few), or
 * { ok: true, summary, options } with each option's weighted score, range and places.
 * The caller has checked that the person may read the round's results.
 */
import type { PopulationBaseline } from '$lib/domain/representation/baseline';
import { groupIsShown } from '$lib/domain/suppression/suppress';
import { seedFrom, type PaperTallies, type RoundResults } from '$lib/domain/voting';
import { weightRound, type WeightedRoundOutcome } from '$lib/domain/weighting/vote-round';
import type { Tx } from '../db/types';
import { rulesOf, type VoteRound } from './load-round';
import { loadCountedBallots, REPS, scoreRound } from './round-results';

export async function weightedRoundResults(
	tx: Tx,
	round: VoteRound,
	input: {
		k: number;
		/** profile dimensions to weight on, each with a baseline in `baselines` */
		dimensions: readonly string[];
		baselines: readonly PopulationBaseline[];
	}
): Promise<{
	results: RoundResults;
	paper: PaperTallies;
	weighted: WeightedRoundOutcome | null;
}> {
	const { ballots, paper } = await loadCountedBallots(tx, round.id);
	const results = scoreRound(round, ballots, paper, input.k);
	const weighted =
		input.dimensions.length > 0 && results.ballots > 0 && groupIsShown(results.ballots, input.k)
			? weightRound(rulesOf(round), ballots, paper, results, {
					dimensions: input.dimensions,
					baselines: input.baselines,
					k: input.k,
					seed: seedFrom(round.id),
					reps: REPS
				})
			: null;
	return { results, paper, weighted };
}

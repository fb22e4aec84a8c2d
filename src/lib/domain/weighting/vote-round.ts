/**
 * A vote round's results once ballots are weighted to the census on the voters' optional
 * profile (age group, gender, first official language), beside the raw ones: each option's
 * weighted score with its bootstrap range, and its place raw and weighted.
 *
 * Paper tallies have no profile: they are added to the weighted scores as they are, the way
 * raking treats anyone who did not say (kept at their own share). Ballot weights average 1, so
 * paper keeps the same weight against the ballots weighted as unweighted, and a changed place
 * comes from weighting alone.
 */
import type { WeightingSummary } from '../results/weighted';
import type { RoundRules } from '../voting/methods';
import { profileDimensions, type ProfileDimension } from '../voting/profile';
import {
	roundResults,
	type CountedBallot,
	type Interval,
	type PaperTallies,
	type RoundResults
} from '../voting/tally';
import { cellKey, weightCells, type CountedCell, type MarginBaseline } from './cells';
import type { RakeProblem } from './rake';

export interface WeightedOption {
	optionId: string;
	/** the raw score as the raw results show it (null when hidden or never compared) */
	rawScore: number | null;
	/** weighted score; null where the raw one is */
	score: number | null;
	/** 95% bootstrap range of the weighted score */
	interval: Interval | null;
	/** 1 = best; among the options whose score is shown; ties share a place */
	rawPlace: number | null;
	place: number | null;
}

export type WeightedRoundOutcome =
	| { ok: false; problems: RakeProblem[]; minGroup: number }
	| {
			ok: true;
			summary: WeightingSummary;
			/** best weighted place first */
			options: WeightedOption[];
	  };

/**
 * The ballots counted by their profile values on the dimensions (null: not said); a pattern of
 * ballots counts as many as it stands for.
 */
export function profileCells(
	ballots: readonly Pick<CountedBallot, 'profile' | 'count'>[],
	dimensions: readonly string[]
): CountedCell[] {
	const cells = new Map<string, CountedCell>();
	for (const ballot of ballots) {
		const cell = dimensions.map((d) => ballot.profile[d] ?? null);
		const key = cellKey(cell);
		const existing = cells.get(key);
		cells.set(key, { cell, count: (existing?.count ?? 0) + (ballot.count ?? 1) });
	}
	return [...cells.values()];
}

/**
 * Places by score, best first (1), among the scores that are shown: a hidden option's place
 * would hint at its score. Equal scores share a place ("1, 2, 2, 4"): weighted scores are
 * sums of floating weights, so equality allows for rounding.
 */
export function places(scores: readonly (number | null)[]): (number | null)[] {
	const shown = scores.filter((s): s is number => s !== null);
	return scores.map((score) => {
		if (score === null) return null;
		const tolerance = 1e-9 * Math.max(1, Math.abs(score));
		return 1 + shown.filter((other) => other > score + tolerance).length;
	});
}

/**
 * Weights every ballot by its profile, raked to the baselines of the chosen dimensions, and
 * scores the round again with those weights (paper as it is; same seed, so the same ranges on
 * every visit). Suppression is the raw results' own: a score hidden raw is hidden weighted.
 * The bootstrap resamples ballots with their weights fixed (not raked again per resample), so
 * its ranges leave out the uncertainty of the weights themselves: read them as a lower bound.
 */
export function weightRound(
	rules: RoundRules,
	ballots: readonly CountedBallot[],
	paper: PaperTallies,
	raw: RoundResults,
	input: {
		dimensions: readonly string[];
		baselines: readonly MarginBaseline[];
		k: number;
		seed: number;
		reps?: number;
	}
): WeightedRoundOutcome {
	const outcome = weightCells(
		profileCells(ballots, input.dimensions),
		input.dimensions,
		input.baselines
	);
	if (!outcome.ok) return outcome;
	const { byCell, ...summary } = outcome.weights;
	// A ballot's weight depends on its profile only, so patterns of ballots stay patterns.
	const weighted = ballots.map((ballot): CountedBallot => ({
		marks: ballot.marks,
		comparisons: ballot.comparisons,
		channel: ballot.channel,
		profile: ballot.profile,
		count: ballot.count,
		weight:
			(ballot.weight ?? 1) *
			(byCell.get(cellKey(input.dimensions.map((d) => ballot.profile[d] ?? null))) ?? 1)
	}));
	const results = roundResults(rules, weighted, paper, {
		k: input.k,
		seed: input.seed,
		reps: input.reps
	});
	const byId = new Map(raw.options.map((option) => [option.optionId, option]));
	const rawScores = results.options.map((option) => byId.get(option.optionId)?.score ?? null);
	const scores = results.options.map((option, i) => (rawScores[i] === null ? null : option.score));
	const rawPlaces = places(rawScores);
	const weightedPlaces = places(scores);
	const options = results.options.map((option, i): WeightedOption => ({
		optionId: option.optionId,
		rawScore: rawScores[i],
		score: scores[i],
		interval: scores[i] === null ? null : option.interval,
		rawPlace: rawPlaces[i],
		place: weightedPlaces[i]
	}));
	return {
		ok: true,
		summary,
		options: options.sort((a, b) => (a.place ?? Infinity) - (b.place ?? Infinity))
	};
}

/** The profile dimensions a round's ballots can be weighted on: those with a baseline. */
export function weightableProfileDimensions(
	baselineDimensions: readonly string[]
): ProfileDimension[] {
	return profileDimensions.filter((dimension) => baselineDimensions.includes(dimension));
}

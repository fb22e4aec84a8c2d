import { groupIsShown, suppressCells } from '../suppression/suppress';
import type { Ballot } from './ballot';
import { fitBradleyTerry, winChanceScores } from './bradley-terry';
import type { RoundRules } from './methods';
import { seededRandom } from './random';

/** A ballot as the tally sees it: its marks, where it came from, and the voter's short profile. */
export interface CountedBallot extends Ballot {
	/** default 1; census weights (representation) plug in here */
	weight?: number;
	channel: string;
	/** dimension → value, only what the person chose to say */
	profile: Record<string, string>;
}

/** Marks counted on paper after the round (dots or approvals per option), channel paper. */
export type PaperTallies = Record<string, number>;

/** Pseudo-wins each way between compared options (see fitBradleyTerry): small shrinkage. */
export const PAIRWISE_PRIOR = 0.5;

/**
 * Each option's score, in the order of rules.optionIds:
 * - dots: dots received (weighted), paper dots added;
 * - approval: approvals (weighted), paper approvals added;
 * - ranking: Borda count: with n options, rank r earns n − r points, unranked earns nothing;
 * - pairwise: the Bradley–Terry chance (0–100) of beating a random other option; null when the
 *   option was never compared.
 */
export function scores(
	rules: RoundRules,
	ballots: readonly CountedBallot[],
	paper: PaperTallies = {}
): (number | null)[] {
	const index = new Map(rules.optionIds.map((id, i) => [id, i]));
	const n = rules.optionIds.length;
	if (rules.method === 'pairwise') {
		const wins = Array.from({ length: n }, () => new Array<number>(n).fill(0));
		for (const ballot of ballots) {
			const weight = ballot.weight ?? 1;
			for (const { winner, loser } of ballot.comparisons) {
				const i = index.get(winner);
				const j = index.get(loser);
				if (i !== undefined && j !== undefined) wins[i][j] += weight;
			}
		}
		return winChanceScores(fitBradleyTerry(wins, { prior: PAIRWISE_PRIOR }).strengths);
	}
	const totals = rules.optionIds.map((id) =>
		rules.method === 'ranking' ? 0 : Math.max(0, paper[id] ?? 0)
	);
	for (const ballot of ballots) {
		const weight = ballot.weight ?? 1;
		for (const [option, value] of Object.entries(ballot.marks)) {
			const i = index.get(option);
			if (i === undefined) continue;
			totals[i] += weight * (rules.method === 'ranking' ? n - value : value);
		}
	}
	return totals;
}

/** Average rank of each option among the ballots that ranked it (null: nobody ranked it). */
export function averageRanks(rules: RoundRules, ballots: readonly CountedBallot[]) {
	return rules.optionIds.map((id) => {
		let sum = 0;
		let weights = 0;
		for (const ballot of ballots) {
			const rank = ballot.marks[id];
			if (rank === undefined) continue;
			const weight = ballot.weight ?? 1;
			sum += weight * rank;
			weights += weight;
		}
		return weights > 0 ? sum / weights : null;
	});
}

/** How many ballots mark each option (approved, ranked, given dots, or compared). */
export function supporters(rules: RoundRules, ballots: readonly CountedBallot[]): number[] {
	return rules.optionIds.map(
		(id) =>
			ballots.filter((b) =>
				rules.method === 'pairwise'
					? b.comparisons.some((c) => c.winner === id || c.loser === id)
					: b.marks[id] !== undefined
			).length
	);
}

export interface Interval {
	low: number;
	high: number;
}

/**
 * Percentile bootstrap intervals of each option's score: the ballots are resampled with
 * replacement `reps` times from a seeded PRNG, so the same ballots always give the same
 * intervals. Paper tallies are fixed counts, added to every resample. null where the score is.
 */
export function bootstrapIntervals(
	rules: RoundRules,
	ballots: readonly CountedBallot[],
	paper: PaperTallies = {},
	{ reps = 200, seed = 1, level = 0.95 } = {}
): (Interval | null)[] {
	const n = ballots.length;
	if (n === 0) return rules.optionIds.map(() => null);
	const random = seededRandom(seed);
	const samples: (number | null)[][] = rules.optionIds.map(() => []);
	const resample = new Array<CountedBallot>(n);
	for (let rep = 0; rep < reps; rep++) {
		for (let i = 0; i < n; i++) resample[i] = ballots[Math.floor(random() * n)];
		scores(rules, resample, paper).forEach((score, i) => samples[i].push(score));
	}
	const tail = (1 - level) / 2;
	return samples.map((values) => {
		const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
		if (known.length === 0) return null;
		const at = (q: number) =>
			known[Math.min(known.length - 1, Math.max(0, Math.floor(q * known.length)))];
		return { low: at(tail), high: at(1 - tail) };
	});
}

/** The ids of the (up to) three best-scoring options, best first; ties keep the round's order. */
export function topThree(rules: RoundRules, optionScores: readonly (number | null)[]): string[] {
	return rules.optionIds
		.map((id, i) => ({ id, i, score: optionScores[i] }))
		.filter((o): o is { id: string; i: number; score: number } => o.score !== null && o.score > 0)
		.sort((a, b) => b.score - a.score || a.i - b.i)
		.slice(0, 3)
		.map((o) => o.id);
}

export interface GroupResult {
	key: string;
	/** people (ballots) in the group; null when suppressed */
	ballots: number | null;
	suppressed: boolean;
	/** null when suppressed */
	scores: (number | null)[] | null;
	top: string[] | null;
}

export interface Breakdown {
	groups: GroupResult[];
	/** the shown groups' top three options are not all the same */
	disagree: boolean;
}

/** Values that say nothing about a group: left out of the disagreement check. */
const NOT_A_GROUP = new Set(['prefer_not_to_say', '']);

/**
 * Results per group (a profile dimension's values, or channels). A group with fewer than k
 * people is suppressed (DESIGN §4), and so is the complementary group that would give it away;
 * suppressed groups show no scores and take no part in the disagreement flag.
 */
export function breakdown(
	rules: RoundRules,
	ballots: readonly CountedBallot[],
	groupOf: (ballot: CountedBallot) => string | undefined,
	k: number,
	keys?: readonly string[]
): Breakdown {
	const members = new Map<string, CountedBallot[]>();
	for (const key of keys ?? []) members.set(key, []);
	for (const ballot of ballots) {
		const key = groupOf(ballot);
		if (key === undefined) continue;
		const list = members.get(key) ?? [];
		list.push(ballot);
		members.set(key, list);
	}
	const cells = suppressCells(
		[...members].map(([key, list]) => ({ key, count: list.length })),
		k
	);
	const groups = cells.map((cell): GroupResult => {
		if (cell.suppressed)
			return { key: cell.key, ballots: null, suppressed: true, scores: null, top: null };
		const groupScores = scores(rules, members.get(cell.key) ?? []);
		return {
			key: cell.key,
			ballots: cell.count,
			suppressed: false,
			scores: groupScores,
			top: topThree(rules, groupScores)
		};
	});
	const tops = groups
		.filter((g) => !g.suppressed && (g.ballots ?? 0) > 0 && !NOT_A_GROUP.has(g.key))
		.map((g) => [...(g.top ?? [])].sort().join('|'));
	return { groups, disagree: new Set(tops).size > 1 };
}

export interface OptionResult {
	optionId: string;
	/** null also when the score is itself a count of fewer than k people (approval) */
	score: number | null;
	interval: Interval | null;
	/** ballots that mark this option; null when fewer than k people (suppressed) */
	supporters: number | null;
	/** ranking only */
	averageRank: number | null;
}

export interface RoundResults {
	ballots: number;
	options: OptionResult[];
	top: string[];
	byChannel: Breakdown;
	byProfile: Record<string, Breakdown>;
}

/**
 * Everything the organizer's results page shows, from the ballots: scores with bootstrap
 * intervals, and the breakdowns by channel and by each profile dimension with the disagreement
 * flag. Seeded by the caller (the round id), so a page shows the same intervals on every visit.
 */
export function roundResults(
	rules: RoundRules,
	ballots: readonly CountedBallot[],
	paper: PaperTallies,
	{
		k,
		seed,
		reps = 200,
		dimensions = [] as readonly string[]
	}: {
		k: number;
		seed: number;
		reps?: number;
		dimensions?: readonly string[];
	}
): RoundResults {
	const optionScores = scores(rules, ballots, paper);
	const intervals = bootstrapIntervals(rules, ballots, paper, { reps, seed });
	const support = supporters(rules, ballots);
	const ranks = rules.method === 'ranking' ? averageRanks(rules, ballots) : null;
	const byProfile: Record<string, Breakdown> = {};
	for (const dimension of dimensions)
		byProfile[dimension] = breakdown(rules, ballots, (b) => b.profile[dimension], k);
	// Options are not a partition (one person marks several), so each count stands on its own:
	// no complementary cell to protect, only the small ones to hide.
	const shown = support.map((count) => groupIsShown(count, k));
	const peopleScores = rules.method === 'approval';
	return {
		ballots: ballots.length,
		options: rules.optionIds.map((optionId, i) => ({
			optionId,
			score: peopleScores && !shown[i] ? null : optionScores[i],
			interval: peopleScores && !shown[i] ? null : intervals[i],
			supporters: shown[i] ? support[i] : null,
			averageRank: ranks?.[i] ?? null
		})),
		top: topThree(rules, optionScores),
		byChannel: breakdown(rules, ballots, (b) => b.channel, k),
		byProfile
	};
}

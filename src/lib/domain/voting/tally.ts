import { groupIsShown, suppressCells } from '../suppression/suppress';
import type { Ballot } from './ballot';
import { fitBradleyTerry, winChanceScores } from './bradley-terry';
import type { RoundRules } from './methods';
import { multinomial } from './multinomial';
import { seededRandom } from './random';

/** A ballot as the tally sees it: its marks, where it came from, and the voter's short profile. */
export interface CountedBallot extends Ballot {
	/** default 1; census weights (representation) plug in here */
	weight?: number;
	/**
	 * How many identical ballots this one stands for (default 1): a round is loaded as
	 * *patterns*, ballots alike in everything the tally reads, each counted once with its count.
	 */
	count?: number;
	channel: string;
	/** dimension → value, only what the person chose to say */
	profile: Record<string, string>;
}

/** Marks counted on paper after the round (dots or approvals per option), channel paper. */
export type PaperTallies = Record<string, number>;

const countOf = (ballot: CountedBallot) => ballot.count ?? 1;

/** The number of ballots, patterns counted with their counts. */
export function ballotCount(ballots: readonly CountedBallot[]): number {
	let total = 0;
	for (const ballot of ballots) total += countOf(ballot);
	return total;
}

const sortedEntries = (record: Record<string, unknown>) =>
	Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Everything the tally reads of a ballot, in one string: equal for ballots it cannot tell apart. */
export function patternKey(ballot: CountedBallot): string {
	return JSON.stringify([
		ballot.channel,
		ballot.weight ?? 1,
		sortedEntries(ballot.marks),
		ballot.comparisons
			.map((c) => [c.winner, c.loser])
			.sort(([a, b], [c, d]) => (a < c ? -1 : a > c ? 1 : b < d ? -1 : b > d ? 1 : 0)),
		sortedEntries(ballot.profile)
	]);
}

/**
 * Ballots (or patterns) grouped into patterns, counts added, in the order each pattern first
 * appears (so groups in breakdowns keep the order they were cast in). Ballots in cast order and
 * patterns ordered by their first ballot give the same patterns in the same order, hence the
 * same seeded bootstrap intervals.
 */
export function groupPatterns(ballots: readonly CountedBallot[]): CountedBallot[] {
	const byKey = new Map<string, CountedBallot>();
	for (const ballot of ballots) {
		const key = patternKey(ballot);
		const pattern = byKey.get(key);
		if (pattern) pattern.count = countOf(pattern) + countOf(ballot);
		else
			byKey.set(key, {
				marks: ballot.marks,
				comparisons: ballot.comparisons,
				channel: ballot.channel,
				profile: ballot.profile,
				weight: ballot.weight,
				count: countOf(ballot)
			});
	}
	return [...byKey.values()];
}

/** Pseudo-wins each way between compared options (see fitBradleyTerry): small shrinkage. */
export const PAIRWISE_PRIOR = 0.5;

/**
 * Each option's score, in the order of rules.optionIds:
 * - dots: dots received (weighted), paper dots added;
 * - approval: approvals (weighted), paper approvals added;
 * - ranking: Borda count: with n options, rank r earns n − r points, unranked earns nothing;
 * - pairwise: the Bradley–Terry chance (0–100) of beating a random other option; null when the
 *   option was never compared.
 * Ballots may be patterns: each counts `count` times.
 */
export function scores(
	rules: RoundRules,
	ballots: readonly CountedBallot[],
	paper: PaperTallies = {}
): (number | null)[] {
	return scorer(rules, ballots, paper)(ballots.map(countOf));
}

/**
 * The scores (see scores) of the given patterns held any number of times each: what every
 * pattern adds to which option is worked out once, then each call (one per bootstrap resample)
 * multiplies by the counts, O(patterns × marks per ballot).
 */
function scorer(
	rules: RoundRules,
	patterns: readonly CountedBallot[],
	paper: PaperTallies
): (counts: readonly number[]) => (number | null)[] {
	const index = new Map(rules.optionIds.map((id, i) => [id, i]));
	const n = rules.optionIds.length;
	// per pattern: [option (or winner × n + loser), points] pairs, weight included
	const adds = patterns.map((pattern) => {
		const weight = pattern.weight ?? 1;
		const list: [number, number][] = [];
		if (rules.method === 'pairwise')
			for (const { winner, loser } of pattern.comparisons) {
				const i = index.get(winner);
				const j = index.get(loser);
				if (i !== undefined && j !== undefined) list.push([i * n + j, weight]);
			}
		else
			for (const [option, value] of Object.entries(pattern.marks)) {
				const i = index.get(option);
				if (i !== undefined)
					list.push([i, weight * (rules.method === 'ranking' ? n - value : value)]);
			}
		return list;
	});
	if (rules.method === 'pairwise')
		return (counts) => {
			const wins = Array.from({ length: n }, () => new Array<number>(n).fill(0));
			for (let p = 0; p < adds.length; p++) {
				const count = counts[p];
				if (count === 0) continue;
				for (const [cell, points] of adds[p])
					wins[Math.floor(cell / n)][cell % n] += count * points;
			}
			return winChanceScores(fitBradleyTerry(wins, { prior: PAIRWISE_PRIOR }).strengths);
		};
	const base = rules.optionIds.map((id) =>
		rules.method === 'ranking' ? 0 : Math.max(0, paper[id] ?? 0)
	);
	return (counts) => {
		const totals = [...base];
		for (let p = 0; p < adds.length; p++) {
			const count = counts[p];
			if (count === 0) continue;
			for (const [i, points] of adds[p]) totals[i] += count * points;
		}
		return totals;
	};
}

/** Average rank of each option among the ballots that ranked it (null: nobody ranked it). */
export function averageRanks(rules: RoundRules, ballots: readonly CountedBallot[]) {
	return rules.optionIds.map((id) => {
		let sum = 0;
		let weights = 0;
		for (const ballot of ballots) {
			const rank = ballot.marks[id];
			if (rank === undefined) continue;
			const weight = (ballot.weight ?? 1) * countOf(ballot);
			sum += weight * rank;
			weights += weight;
		}
		return weights > 0 ? sum / weights : null;
	});
}

/** How many ballots mark each option (approved, ranked, given dots, or compared). */
export function supporters(rules: RoundRules, ballots: readonly CountedBallot[]): number[] {
	return rules.optionIds.map((id) =>
		ballotCount(
			ballots.filter((b) =>
				rules.method === 'pairwise'
					? b.comparisons.some((c) => c.winner === id || c.loser === id)
					: b.marks[id] !== undefined
			)
		)
	);
}

export interface Interval {
	low: number;
	high: number;
}

/**
 * Percentile bootstrap intervals of each option's score: the ballots are resampled with
 * replacement `reps` times from a seeded PRNG, so the same ballots always give the same
 * intervals. Each resample is drawn as how many times it holds each pattern of ballots (a
 * multinomial draw, see ./multinomial), which is the same resample as n ballots drawn one by one,
 * in O(patterns) rather than O(n). Paper tallies are fixed counts, added to every resample.
 * null where the score is.
 */
export function bootstrapIntervals(
	rules: RoundRules,
	ballots: readonly CountedBallot[],
	paper: PaperTallies = {},
	options: { reps?: number; seed?: number; level?: number } = {}
): (Interval | null)[] {
	return patternIntervals(rules, groupPatterns(ballots), paper, options);
}

/** bootstrapIntervals of ballots already grouped by groupPatterns. */
function patternIntervals(
	rules: RoundRules,
	patterns: readonly CountedBallot[],
	paper: PaperTallies,
	{ reps = 200, seed = 1, level = 0.95 } = {}
): (Interval | null)[] {
	const n = ballotCount(patterns);
	if (n === 0) return rules.optionIds.map(() => null);
	const random = seededRandom(seed);
	const score = scorer(rules, patterns, paper);
	const counts = patterns.map(countOf);
	const drawn = new Array<number>(patterns.length);
	const samples: (number | null)[][] = rules.optionIds.map(() => []);
	for (let rep = 0; rep < reps; rep++) {
		multinomial(n, counts, random, drawn);
		score(drawn).forEach((value, i) => samples[i].push(value));
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
		[...members].map(([key, list]) => ({ key, count: ballotCount(list) })),
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
 * Everything the organizer's results page shows, from the ballots (one by one or as patterns): scores with bootstrap
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
	// Grouped once here, so the results are the same from ballots one by one or from patterns.
	const patterns = groupPatterns(ballots);
	const optionScores = scores(rules, patterns, paper);
	const intervals = patternIntervals(rules, patterns, paper, { reps, seed });
	const support = supporters(rules, patterns);
	const ranks = rules.method === 'ranking' ? averageRanks(rules, patterns) : null;
	const byProfile: Record<string, Breakdown> = {};
	for (const dimension of dimensions)
		byProfile[dimension] = breakdown(rules, patterns, (b) => b.profile[dimension], k);
	// Options are not a partition (one person marks several), so each count stands on its own:
	// no complementary cell to protect, only the small ones to hide.
	const shown = support.map((count) => groupIsShown(count, k));
	const peopleScores = rules.method === 'approval';
	return {
		ballots: ballotCount(patterns),
		options: rules.optionIds.map((optionId, i) => ({
			optionId,
			score: peopleScores && !shown[i] ? null : optionScores[i],
			interval: peopleScores && !shown[i] ? null : intervals[i],
			supporters: shown[i] ? support[i] : null,
			averageRank: ranks?.[i] ?? null
		})),
		top: topThree(rules, optionScores),
		byChannel: breakdown(rules, patterns, (b) => b.channel, k),
		byProfile
	};
}

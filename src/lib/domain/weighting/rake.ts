/**
 * Raking (iterative proportional fitting, Deming & Stephan 1940): weights for respondents so
 * that, on every chosen dimension, the weighted share of each group equals its census share.
 *
 * Respondents who gave the same answers on the chosen dimensions get the same weight, so the
 * work is done on their combinations ("cells", counted in SQL), never on one row per person.
 */

/** One combination of answers on the chosen dimensions, and how many respondents gave it. */
export interface RakeCell {
	/** one value per margin, in the margins' order; null: prefer not to say or unanswered */
	values: readonly (string | null)[];
	count: number;
}

export interface Margin {
	dimension: string;
	/** population per group (census counts; only the proportions matter) */
	population: Readonly<Record<string, number>>;
}

export interface RakeOptions {
	/** weights are kept within [lower, upper] times the mean weight (1) */
	trim?: { lower: number; upper: number };
	/** fewer respondents than this in a group: refuse to weight on it */
	minGroup?: number;
	tolerance?: number;
	maxIterations?: number;
}

export const DEFAULT_TRIM = { lower: 0.2, upper: 5 } as const;
export const DEFAULT_MIN_GROUP = 5;

export type RakeProblem = {
	dimension: string;
	value: string;
	/** no_respondents: nobody of this group; too_few: under minGroup; no_population: respondents but no population */
	reason: 'no_respondents' | 'too_few' | 'no_population';
	respondents: number;
};

export interface RakeReport {
	/** rake passes over all margins, summed over trimming rounds */
	iterations: number;
	trimRounds: number;
	/** every margin within the tolerance after the last step */
	converged: boolean;
	/** the largest gap between a weighted group total and its target, in respondents */
	maxMarginError: number;
	/** respondents whose weight was trimmed in the last round */
	trimmed: number;
}

export type RakeResult =
	| {
			ok: true;
			/** weight of each respondent of cells[i], mean 1 over all respondents */
			weights: number[];
			n: number;
			/** Kish's effective sample size, (Σw)² ÷ Σw² */
			effectiveN: number;
			/** n ÷ effective n: how much weighting widens margins of error */
			designEffect: number;
			report: RakeReport;
	  }
	| { ok: false; problems: RakeProblem[] };

/**
 * The target total of each group of each margin, in respondents (they sum to n). People who did
 * not say keep their own share of the sample on that dimension: nothing tells us which group
 * they belong to, so they are neither dropped (their other answers count) nor pushed into one;
 * the described respondents are raked to the census shares within the rest.
 */
function targetsOf(cells: readonly RakeCell[], margins: readonly Margin[], n: number) {
	return margins.map((margin, m) => {
		const unknown = cells.reduce(
			(sum, cell) => sum + (cell.values[m] === null ? cell.count : 0),
			0
		);
		const total = Object.values(margin.population).reduce((sum, count) => sum + count, 0);
		const targets = new Map<string | null, number>();
		for (const [value, count] of Object.entries(margin.population))
			targets.set(value, total > 0 ? ((n - unknown) * count) / total : 0);
		if (unknown > 0) targets.set(null, unknown);
		return targets;
	});
}

/** Why these respondents cannot be raked to these margins; empty when they can. */
export function rakeProblems(
	cells: readonly RakeCell[],
	margins: readonly Margin[],
	minGroup = DEFAULT_MIN_GROUP
): RakeProblem[] {
	const problems: RakeProblem[] = [];
	margins.forEach((margin, m) => {
		const respondents = new Map<string, number>();
		for (const cell of cells) {
			const value = cell.values[m];
			if (value !== null) respondents.set(value, (respondents.get(value) ?? 0) + cell.count);
		}
		for (const [value, population] of Object.entries(margin.population)) {
			if (population <= 0) continue;
			const count = respondents.get(value) ?? 0;
			if (count === 0)
				problems.push({
					dimension: margin.dimension,
					value,
					reason: 'no_respondents',
					respondents: 0
				});
			else if (count < minGroup)
				problems.push({
					dimension: margin.dimension,
					value,
					reason: 'too_few',
					respondents: count
				});
		}
		for (const [value, count] of respondents)
			if (!(margin.population[value] > 0))
				problems.push({
					dimension: margin.dimension,
					value,
					reason: 'no_population',
					respondents: count
				});
	});
	return problems;
}

/** Kish's effective sample size of respondents grouped as (weight, how many). */
export function effectiveSampleSize(groups: readonly { weight: number; count: number }[]): number {
	let sum = 0;
	let squares = 0;
	for (const { weight, count } of groups) {
		sum += weight * count;
		squares += weight * weight * count;
	}
	return squares > 0 ? (sum * sum) / squares : 0;
}

/**
 * Rakes, then trims weights outside the bounds and rakes again, until a raked set of weights
 * lies within the bounds or the rounds run out (then the last trim stands: the bounds always
 * hold, and the report says how far the margins are from their targets).
 */
export function rake(
	cells: readonly RakeCell[],
	margins: readonly Margin[],
	options: RakeOptions = {}
): RakeResult {
	const problems = rakeProblems(cells, margins, options.minGroup ?? DEFAULT_MIN_GROUP);
	if (problems.length) return { ok: false, problems };
	const { lower, upper } = options.trim ?? DEFAULT_TRIM;
	const tolerance = options.tolerance ?? 1e-10;
	const maxIterations = options.maxIterations ?? 1000;
	const n = cells.reduce((sum, cell) => sum + cell.count, 0);
	if (n === 0) return { ok: false, problems: [] };
	const targets = targetsOf(cells, margins, n);
	const weights = cells.map(() => 1);

	const totals = (m: number) => {
		const sums = new Map<string | null, number>();
		cells.forEach((cell, i) => {
			const value = cell.values[m];
			sums.set(value, (sums.get(value) ?? 0) + weights[i] * cell.count);
		});
		return sums;
	};
	const marginError = () =>
		margins.reduce((worst, _, m) => {
			const sums = totals(m);
			let gap = worst;
			for (const [value, target] of targets[m])
				gap = Math.max(gap, Math.abs((sums.get(value) ?? 0) - target));
			return gap;
		}, 0);

	let iterations = 0;
	let trimRounds = 0;
	let previous: number[] | null = null;
	let trimmed = 0;
	for (;;) {
		// One raking run: each margin in turn scaled to its targets, until all hold at once.
		for (let pass = 0; pass < maxIterations; pass++) {
			iterations++;
			margins.forEach((_, m) => {
				const sums = totals(m);
				cells.forEach((cell, i) => {
					const current = sums.get(cell.values[m]) ?? 0;
					const target = targets[m].get(cell.values[m]) ?? 0;
					if (current > 0) weights[i] *= target / current;
				});
			});
			if (marginError() <= tolerance * n) break;
		}
		trimmed = 0;
		cells.forEach((cell, i) => {
			const bounded = Math.min(upper, Math.max(lower, weights[i]));
			if (Math.abs(bounded - weights[i]) > 1e-12) {
				weights[i] = bounded;
				trimmed += cell.count;
			}
		});
		// Rake and trim have reached a fixed point when a round leaves the weights where the
		// last one did: the bounds and the margins cannot both hold, and more rounds change nothing.
		const settled = previous !== null && weights.every((w, i) => Math.abs(w - previous![i]) < 1e-9);
		if (trimmed === 0 || settled || trimRounds >= 50) break;
		previous = [...weights];
		trimRounds++;
	}
	const maxMarginError = marginError();
	const effectiveN = effectiveSampleSize(
		cells.map((cell, i) => ({ weight: weights[i], count: cell.count }))
	);
	return {
		ok: true,
		weights,
		n,
		effectiveN,
		designEffect: effectiveN > 0 ? n / effectiveN : 1,
		report: {
			iterations,
			trimRounds,
			converged: maxMarginError <= Math.max(tolerance * n, 1e-6),
			maxMarginError,
			trimmed
		}
	};
}

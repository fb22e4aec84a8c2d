/**
 * Weighted estimates with margins of error at 95 %. Weighting makes a sample of n people worth
 * fewer independent answers (Kish's effective n), so every margin uses the effective n of the
 * people who answered that question, not their raw number.
 */
import { effectiveSampleSize } from './rake';

/** z for a two-sided 95 % interval */
export const Z95 = 1.959964;

/** Respondents who gave one answer, grouped by weight: the weight and how many had it. */
export type WeightedGroup = { weight: number; count: number };

export interface Estimate {
	value: number;
	/** half-width of the 95 % interval, same unit as value */
	marginOfError: number;
}

/**
 * A weighted proportion (of `part` in `whole`, the people who answered) with its margin of
 * error, p ± z·√(p(1−p) ÷ n_eff), n_eff the effective size of `whole`.
 */
export function weightedProportion(
	part: readonly WeightedGroup[],
	whole: readonly WeightedGroup[]
): Estimate | null {
	const total = sumWeights(whole);
	if (total <= 0) return null;
	const p = sumWeights(part) / total;
	const n = effectiveSampleSize(whole);
	return { value: p, marginOfError: n > 0 ? Z95 * Math.sqrt((p * (1 - p)) / n) : 0 };
}

/** A weighted mean of values, ± z·s ÷ √n_eff (s the weighted standard deviation). */
export function weightedMean(
	values: readonly { value: number; weight: number; count: number }[]
): Estimate | null {
	const total = sumWeights(values);
	if (total <= 0) return null;
	const mean = values.reduce((sum, v) => sum + v.value * v.weight * v.count, 0) / total;
	const variance =
		values.reduce((sum, v) => sum + v.weight * v.count * (v.value - mean) ** 2, 0) / total;
	const n = effectiveSampleSize(values);
	return { value: mean, marginOfError: n > 0 ? Z95 * Math.sqrt(variance / n) : 0 };
}

export function sumWeights(groups: readonly WeightedGroup[]): number {
	return groups.reduce((sum, group) => sum + group.weight * group.count, 0);
}

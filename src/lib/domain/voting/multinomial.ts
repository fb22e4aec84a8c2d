/*
 * Resampling counts instead of ballots. A bootstrap resample of n ballots drawn with replacement
 * from n ballots, where `counts[i]` of them share pattern i, holds each pattern a number of times
 * that follows Multinomial(n, counts / n). Drawing those numbers directly costs O(patterns) per
 * resample instead of O(n), which is what lets a results page bootstrap a million ballots.
 */

/**
 * Binomial(n, p) from the uniform stream `random`.
 *
 * - Variance n·p·(1−p) ≤ 30: exact inversion of the CDF, walking up from 0 with the recurrence
 *   P(x+1) = P(x)·(n−x)/(x+1)·p/(1−p). By symmetry it runs on min(p, 1−p), so the mean it walks
 *   is at most 60 (variance ≤ 30 with p ≤ ½) and P(0) ≥ e^−90 stays far from underflow.
 * - Variance > 30: a normal draw with continuity correction (rounded), clamped to 0..n. Its
 *   mean and variance are the binomial's; what it misses is the skewness, (1−2p)/σ < 0.19, which
 *   moves the CDF by at most about 0.4·skewness/6 < 1.3 points and usually far less. The
 *   bootstrap reads its 2.5% and 97.5% percentiles from 200 resamples, whose own Monte Carlo
 *   error is about ±1.1 points of probability, and a score sums many patterns, which pulls its
 *   distribution further towards the normal: the approximation is lost in noise the intervals
 *   already carry, and it keeps each draw O(1) however large the round.
 */
export function binomial(n: number, p: number, random: () => number): number {
	if (n <= 0 || p <= 0) return 0;
	if (p >= 1) return n;
	if (p > 0.5) return n - binomial(n, 1 - p, random);
	const variance = n * p * (1 - p);
	if (variance > NORMAL_ABOVE_VARIANCE) {
		// Box–Muller; 1 − random() is in (0, 1], so the logarithm is finite.
		const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
		return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(variance) * z)));
	}
	const odds = p / (1 - p);
	let probability = Math.exp(n * Math.log1p(-p));
	let cumulative = probability;
	const u = random();
	let x = 0;
	while (u > cumulative && x < n) {
		probability *= (odds * (n - x)) / (x + 1);
		x++;
		cumulative += probability;
	}
	return x;
}

/** Above this variance a binomial is drawn from the normal approximation (see binomial). */
export const NORMAL_ABOVE_VARIANCE = 30;

/**
 * Multinomial(draws, counts / Σcounts) as sequential binomials: pattern i takes
 * Binomial(draws left, counts[i] / counts left), the last takes what is left. The result always
 * sums to `draws`. Written into `into` (reused across resamples) and returned.
 */
export function multinomial(
	draws: number,
	counts: readonly number[],
	random: () => number,
	into: number[] = new Array<number>(counts.length)
): number[] {
	let left = draws;
	let mass = 0;
	for (const count of counts) mass += count;
	for (let i = 0; i < counts.length; i++) {
		if (left === 0 || mass <= 0) {
			into[i] = 0;
			continue;
		}
		const x = i === counts.length - 1 ? left : binomial(left, counts[i] / mass, random);
		into[i] = x;
		left -= x;
		mass -= counts[i];
	}
	return into;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoundRules } from './methods';
import { binomial, multinomial, NORMAL_ABOVE_VARIANCE } from './multinomial';
import { seededRandom } from './random';
import {
	averageRanks,
	ballotCount,
	bootstrapIntervals,
	breakdown,
	groupPatterns,
	roundResults,
	scores,
	supporters,
	type CountedBallot,
	type Interval,
	type PaperTallies
} from './tally';

const optionIds = ['a', 'b', 'c', 'd'];
const rulesOf = (method: RoundRules['method']): RoundRules => ({
	method,
	settings: method === 'dots' ? { dots: 5, cap: 3 } : method === 'ranking' ? { top: 3 } : {},
	optionIds
});
const methods = ['dots', 'ranking', 'approval', 'pairwise'] as const;

/** Ballots from a small alphabet, so that many of them are alike. */
const ballotArb = (method: RoundRules['method'], weights: fc.Arbitrary<number | undefined>) =>
	fc.record({
		marks:
			method === 'ranking'
				? fc
						.shuffledSubarray(optionIds, { minLength: 1, maxLength: 3 })
						.map((ids) => Object.fromEntries(ids.map((id, i) => [id, i + 1])))
				: fc
						.shuffledSubarray(optionIds, { minLength: method === 'pairwise' ? 0 : 1, maxLength: 2 })
						.chain((ids) =>
							fc.tuple(
								...ids.map((id) =>
									fc.constantFrom(...(method === 'dots' ? [1, 2, 3] : [1])).map((v) => [id, v])
								)
							)
						)
						.map((entries) => (method === 'pairwise' ? {} : Object.fromEntries(entries))),
		comparisons:
			method === 'pairwise'
				? fc
						.subarray([
							['a', 'b'],
							['c', 'a'],
							['b', 'd']
						])
						.map((pairs) => pairs.map(([winner, loser]) => ({ winner, loser })))
				: fc.constant([]),
		channel: fc.constantFrom('online', 'event', 'kiosk'),
		profile: fc.constantFrom({}, { gender: 'woman' }, { gender: 'man', age_group: '25_34' }),
		weight: weights
	}) as fc.Arbitrary<CountedBallot>;

const integerWeights = fc.constantFrom(undefined, 1, 2, 3);

describe('ballots grouped into patterns', () => {
	it('give exactly the same scores, supporters, average ranks and breakdowns', () => {
		for (const method of methods) {
			const rules = rulesOf(method);
			fc.assert(
				fc.property(
					fc.array(ballotArb(method, integerWeights), { maxLength: 80 }),
					fc.constantFrom<PaperTallies>({}, { a: 4, c: 1 }),
					(ballots, paper: PaperTallies) => {
						const patterns = groupPatterns(ballots);
						expect(ballotCount(patterns)).toBe(ballots.length);
						expect(patterns.length).toBeLessThanOrEqual(ballots.length);
						expect(scores(rules, patterns, paper)).toEqual(scores(rules, ballots, paper));
						expect(supporters(rules, patterns)).toEqual(supporters(rules, ballots));
						expect(averageRanks(rules, patterns)).toEqual(averageRanks(rules, ballots));
						for (const groupOf of [
							(b: CountedBallot) => b.channel,
							(b: CountedBallot) => b.profile.gender
						])
							expect(breakdown(rules, patterns, groupOf, 3)).toEqual(
								breakdown(rules, ballots, groupOf, 3)
							);
					}
				),
				{ numRuns: 60 }
			);
		}
	});

	it('give the same round results, intervals included, even with fractional weights', () => {
		const weights = fc.constantFrom(undefined, 0.75, 1.5, 1 / 3);
		for (const method of methods) {
			const rules = rulesOf(method);
			fc.assert(
				fc.property(fc.array(ballotArb(method, weights), { maxLength: 60 }), (ballots) => {
					const options = { k: 3, seed: 9, reps: 20, dimensions: ['gender', 'age_group'] };
					expect(roundResults(rules, groupPatterns(ballots), { b: 2 }, options)).toEqual(
						roundResults(rules, ballots, { b: 2 }, options)
					);
				}),
				{ numRuns: 30 }
			);
		}
	});

	it('keep the order in which each pattern first appears', () => {
		const x = (channel: string): CountedBallot => ({
			marks: { a: 1 },
			comparisons: [],
			channel,
			profile: {}
		});
		const patterns = groupPatterns([x('online'), x('kiosk'), x('online'), x('event')]);
		expect(patterns.map((p) => [p.channel, p.count])).toEqual([
			['online', 2],
			['kiosk', 1],
			['event', 1]
		]);
		// comparisons and marks in another order are the same pattern
		const pair = (comparisons: CountedBallot['comparisons']): CountedBallot => ({
			marks: {},
			comparisons,
			channel: 'online',
			profile: { gender: 'man', age_group: '25_34' }
		});
		const ab = { winner: 'a', loser: 'b' };
		const cd = { winner: 'c', loser: 'd' };
		expect(groupPatterns([pair([ab, cd]), pair([cd, ab])])).toHaveLength(1);
	});
});

describe('binomial draws', () => {
	const moments = (values: number[]) => {
		const mean = values.reduce((s, v) => s + v, 0) / values.length;
		const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
		return { mean, variance };
	};
	const draw = (n: number, p: number, times: number, seed = 5) => {
		const random = seededRandom(seed);
		return Array.from({ length: times }, () => binomial(n, p, random));
	};

	it('handle the edges', () => {
		const random = seededRandom(1);
		expect(binomial(0, 0.3, random)).toBe(0);
		expect(binomial(10, 0, random)).toBe(0);
		expect(binomial(10, 1, random)).toBe(10);
	});

	it('by inversion follow the binomial distribution exactly (small variance)', () => {
		const n = 40;
		const p = 0.15; // variance 5.1: inversion
		const times = 20_000;
		const seen = new Array<number>(n + 1).fill(0);
		for (const x of draw(n, p, times)) seen[x]++;
		// chi-square against the exact probabilities, cells with fewer than 5 expected pooled
		let chi = 0;
		let cells = 0;
		let pooledSeen = 0;
		let pooledExpected = 0;
		let pmf = (1 - p) ** n;
		for (let x = 0; x <= n; x++) {
			const expected = pmf * times;
			if (expected >= 5) {
				chi += (seen[x] - expected) ** 2 / expected;
				cells++;
			} else {
				pooledSeen += seen[x];
				pooledExpected += expected;
			}
			pmf *= ((n - x) / (x + 1)) * (p / (1 - p));
		}
		chi += (pooledSeen - pooledExpected) ** 2 / pooledExpected;
		// about 13 degrees of freedom: the 99.9th percentile of chi-square(13) is 34.5
		expect(cells).toBeGreaterThan(8);
		expect(chi).toBeLessThan(34.5);
	});

	it('by inversion and by the normal approximation have the binomial mean and variance', () => {
		for (const [n, p] of [
			[200, 0.1], // variance 18: inversion
			[50, 0.9], // symmetric side
			[10_000, 0.3], // variance 2100: normal
			[1_000_000, 0.00004] // variance 40, mean 40: normal at its threshold
		]) {
			const { mean, variance } = moments(draw(n, p, 20_000));
			const expected = n * p * (1 - p);
			expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt(expected / 20_000));
			expect(variance / expected).toBeGreaterThan(0.95);
			expect(variance / expected).toBeLessThan(1.05);
		}
	});

	it('by the normal approximation stay close in distribution just above the threshold', () => {
		// variance just above 30 with p small: the most skewed case the approximation takes
		const n = 3_000;
		const p = (NORMAL_ABOVE_VARIANCE + 0.5) / n / (1 - 31 / n);
		const normal = draw(n, p, 40_000).sort((x, y) => x - y);
		const exact: number[] = [];
		const random = seededRandom(6);
		for (let i = 0; i < 40_000; i++) {
			let x = 0;
			for (let j = 0; j < n; j++) if (random() < p) x++;
			exact.push(x);
		}
		exact.sort((x, y) => x - y);
		for (const q of [0.025, 0.16, 0.5, 0.84, 0.975]) {
			const at = (values: number[]) => values[Math.floor(q * values.length)];
			expect(Math.abs(at(normal) - at(exact))).toBeLessThanOrEqual(1);
		}
	}, 20_000);
});

describe('multinomial draws', () => {
	it('always add up to the draws, each pattern around its share', () => {
		const counts = [500, 3, 1, 120, 9000, 1, 376];
		const total = counts.reduce((s, c) => s + c, 0);
		const random = seededRandom(11);
		const sums = counts.map(() => 0);
		const times = 2_000;
		for (let rep = 0; rep < times; rep++) {
			const drawn = multinomial(total, counts, random);
			expect(drawn.reduce((s, c) => s + c, 0)).toBe(total);
			expect(drawn.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
			drawn.forEach((c, i) => (sums[i] += c));
		}
		counts.forEach((count, i) => {
			const sd = Math.sqrt(count * (1 - count / total));
			expect(Math.abs(sums[i] / times - count)).toBeLessThan(4 * (sd / Math.sqrt(times)) + 1e-9);
		});
	});
});

/** The bootstrap as it was: n ballots drawn one by one, each resample scored ballot by ballot. */
function perBallotIntervals(
	rules: RoundRules,
	ballots: readonly CountedBallot[],
	paper: PaperTallies,
	reps: number,
	seed: number
): (Interval | null)[] {
	const random = seededRandom(seed);
	const n = ballots.length;
	const samples: (number | null)[][] = rules.optionIds.map(() => []);
	for (let rep = 0; rep < reps; rep++) {
		const resample = Array.from({ length: n }, () => ballots[Math.floor(random() * n)]);
		scores(rules, resample, paper).forEach((score, i) => samples[i].push(score));
	}
	return samples.map((values) => {
		const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
		if (known.length === 0) return null;
		const at = (q: number) => known[Math.min(known.length - 1, Math.floor(q * known.length))];
		return { low: at(0.025), high: at(0.975) };
	});
}

describe('bootstrap intervals from patterns', () => {
	const ballot = (marks: Record<string, number>, extra: Partial<CountedBallot> = {}) =>
		({ marks, comparisons: [], channel: 'online', profile: {}, ...extra }) as CountedBallot;
	const repeat = (n: number, make: (i: number) => CountedBallot) =>
		Array.from({ length: n }, (_, i) => make(i));
	const cases: [string, RoundRules, CountedBallot[], PaperTallies][] = [
		[
			'dots, 60 ballots',
			rulesOf('dots'),
			repeat(60, (i) =>
				ballot(i % 3 === 0 ? { a: 3, b: 2 } : i % 3 === 1 ? { a: 2, c: 1 } : { d: 3, b: 1 })
			),
			{}
		],
		[
			'ranking, 400 ballots',
			rulesOf('ranking'),
			repeat(400, (i) =>
				ballot(i % 5 < 2 ? { a: 1, b: 2, c: 3 } : i % 5 < 4 ? { c: 1, a: 2 } : { d: 1 })
			),
			{}
		],
		[
			'approval, 3000 weighted ballots (normal draws)',
			rulesOf('approval'),
			repeat(3000, (i) =>
				ballot(i % 7 < 3 ? { a: 1, b: 1 } : i % 7 < 6 ? { c: 1 } : { d: 1, a: 1 }, {
					weight: i % 2 ? 0.8 : 1.25
				})
			),
			{ c: 40 }
		],
		[
			'pairwise, 300 ballots',
			rulesOf('pairwise'),
			repeat(300, (i) => ({
				marks: {},
				comparisons:
					i % 4 === 0
						? [
								{ winner: 'a', loser: 'b' },
								{ winner: 'c', loser: 'd' }
							]
						: i % 4 === 1
							? [{ winner: 'b', loser: 'c' }]
							: i % 4 === 2
								? [{ winner: 'a', loser: 'c' }]
								: [{ winner: 'd', loser: 'a' }],
				channel: 'online',
				profile: {}
			})),
			{}
		]
	];

	it.each(cases)(
		'%s: contain the score and are as wide as per ballot',
		(_, rules, ballots, paper) => {
			const reps = 1000;
			const fast = bootstrapIntervals(rules, ballots, paper, { reps, seed: 3 });
			const slow = perBallotIntervals(rules, ballots, paper, reps, 4);
			const point = scores(rules, ballots, paper);
			point.forEach((score, i) => {
				if (score === null) return expect(fast[i]).toBeNull();
				expect(fast[i]!.low).toBeLessThanOrEqual(score);
				expect(fast[i]!.high).toBeGreaterThanOrEqual(score);
				const width = fast[i]!.high - fast[i]!.low;
				const expected = slow[i]!.high - slow[i]!.low;
				expect(Math.abs(width - expected)).toBeLessThanOrEqual(0.15 * expected + 1e-9);
				// centred alike: the midpoints differ by less than a fifth of the width
				const mid = (x: Interval) => (x.low + x.high) / 2;
				expect(Math.abs(mid(fast[i]!) - mid(slow[i]!))).toBeLessThanOrEqual(0.2 * expected + 1e-9);
			});
		},
		30_000
	);
});

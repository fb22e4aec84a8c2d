import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveSampleSize, rake, rakeProblems, type Margin, type RakeCell } from './rake';

const wide = { lower: 1e-6, upper: 1e6 };

/** Weighted total of each group of margin m. */
function weightedTotals(cells: readonly RakeCell[], weights: number[], m: number) {
	const totals = new Map<string | null, number>();
	cells.forEach((cell, i) =>
		totals.set(cell.values[m], (totals.get(cell.values[m]) ?? 0) + weights[i] * cell.count)
	);
	return totals;
}

describe('rake', () => {
	/*
	 * Textbook case: the 2 × 2 survey table raked to census margins in Ben Klemens, "Modeling
	 * with Data" (Princeton University Press, 2008), raking section: survey counts
	 * [[7, 9], [12, 7]], row totals 5 and 15, column totals 10 and 10. Raking keeps the seed's
	 * cross-product ratio (Bishop, Fienberg & Holland, "Discrete Multivariate Analysis", 1975,
	 * §3.5), so the fitted table is the one with those margins and odds ratio 49/108: its first
	 * cell a solves 59a² + 1275a − 2450 = 0.
	 */
	it('agrees with the worked 2 × 2 example and its closed form', () => {
		const cells: RakeCell[] = [
			{ values: ['r1', 'c1'], count: 7 },
			{ values: ['r1', 'c2'], count: 9 },
			{ values: ['r2', 'c1'], count: 12 },
			{ values: ['r2', 'c2'], count: 7 }
		];
		const margins: Margin[] = [
			{ dimension: 'row', population: { r1: 5, r2: 15 } },
			{ dimension: 'col', population: { c1: 10, c2: 10 } }
		];
		const result = rake(cells, margins, { trim: wide, minGroup: 1 });
		if (!result.ok) throw new Error('refused');
		// Weights are in respondents (mean 1, sum 35); the census table is 20 people.
		const fitted = cells.map((cell, i) => (cell.count * result.weights[i] * 20) / 35);
		const a = (-1275 + Math.sqrt(1275 ** 2 + 4 * 59 * 2450)) / (2 * 59);
		expect(a).toBeCloseTo(1.7757, 3);
		expect(fitted[0]).toBeCloseTo(a, 9);
		expect(fitted[1]).toBeCloseTo(5 - a, 9);
		expect(fitted[2]).toBeCloseTo(10 - a, 9);
		expect(fitted[3]).toBeCloseTo(5 + a, 9);
		expect((fitted[0] * fitted[3]) / (fitted[1] * fitted[2])).toBeCloseTo(49 / 108, 9);
		expect(result.report.converged).toBe(true);
	});

	it('matches every margin within 1e-6 on three dimensions', () => {
		const cells: RakeCell[] = [];
		const ages = ['young', 'middle', 'old'];
		const tenures = ['owner', 'renter'];
		const langs = ['en', 'fr'];
		let seed = 3;
		for (const age of ages)
			for (const tenure of tenures)
				for (const lang of langs) {
					seed = (seed * 7919 + 13) % 97;
					cells.push({ values: [age, tenure, lang], count: 5 + seed });
				}
		const margins: Margin[] = [
			{ dimension: 'age', population: { young: 3000, middle: 5000, old: 2000 } },
			{ dimension: 'tenure', population: { owner: 4000, renter: 6000 } },
			{ dimension: 'lang', population: { en: 7000, fr: 3000 } }
		];
		const result = rake(cells, margins, { trim: wide });
		if (!result.ok) throw new Error('refused');
		const n = result.n;
		margins.forEach((margin, m) => {
			const totals = weightedTotals(cells, result.weights, m);
			const population = Object.values(margin.population).reduce((a, b) => a + b, 0);
			for (const [value, count] of Object.entries(margin.population))
				expect(Math.abs(totals.get(value)! / n - count / population)).toBeLessThan(1e-6);
		});
		expect(result.report.maxMarginError).toBeLessThan(1e-6);
		expect(result.effectiveN).toBeLessThanOrEqual(n);
		expect(result.designEffect).toBeCloseTo(n / result.effectiveN, 12);
	});

	it('keeps people who did not say at their own share and rakes the rest', () => {
		const cells: RakeCell[] = [
			{ values: ['owner'], count: 60 },
			{ values: ['renter'], count: 20 },
			{ values: [null], count: 20 }
		];
		const result = rake(cells, [{ dimension: 'tenure', population: { owner: 1, renter: 1 } }]);
		if (!result.ok) throw new Error('refused');
		expect(result.weights[0] * 60).toBeCloseTo(40, 9);
		expect(result.weights[1] * 20).toBeCloseTo(40, 9);
		expect(result.weights[2]).toBeCloseTo(1, 9);
	});

	it('refuses clearly when a group has nobody, too few, or no population', () => {
		const cells: RakeCell[] = [
			{ values: ['owner'], count: 40 },
			{ values: ['other'], count: 3 }
		];
		const margins: Margin[] = [
			{ dimension: 'tenure', population: { owner: 500, renter: 400, other: 20 } }
		];
		expect(rake(cells, margins)).toEqual({
			ok: false,
			problems: [
				{ dimension: 'tenure', value: 'renter', reason: 'no_respondents', respondents: 0 },
				{ dimension: 'tenure', value: 'other', reason: 'too_few', respondents: 3 }
			]
		});
		expect(
			rakeProblems([{ values: ['x'], count: 9 }], [{ dimension: 'd', population: { y: 5 } }], 1)
		).toEqual([
			{ dimension: 'd', value: 'y', reason: 'no_respondents', respondents: 0 },
			{ dimension: 'd', value: 'x', reason: 'no_population', respondents: 9 }
		]);
	});

	it('trims weights to the bounds and says so', () => {
		const cells: RakeCell[] = [
			{ values: ['a'], count: 95 },
			{ values: ['b'], count: 5 }
		];
		const result = rake(cells, [{ dimension: 'd', population: { a: 50, b: 50 } }], {
			trim: { lower: 0.5, upper: 3 }
		});
		if (!result.ok) throw new Error('refused');
		expect(Math.max(...result.weights)).toBeLessThanOrEqual(3);
		expect(Math.min(...result.weights)).toBeGreaterThanOrEqual(0.5);
		expect(result.report.trimmed).toBeGreaterThan(0);
		expect(result.report.converged).toBe(false);
	});
});

describe('effectiveSampleSize', () => {
	it('is n for equal weights and (Σw)²/Σw² otherwise', () => {
		expect(effectiveSampleSize([{ weight: 2, count: 10 }])).toBeCloseTo(10, 12);
		// weights 1 and 3, one person each: 16 / 10
		expect(
			effectiveSampleSize([
				{ weight: 1, count: 1 },
				{ weight: 3, count: 1 }
			])
		).toBeCloseTo(1.6, 12);
	});
});

/** Random respondents on two dimensions, every group with at least 5 people. */
const scenario = fc
	.record({
		counts: fc.array(fc.integer({ min: 5, max: 200 }), { minLength: 6, maxLength: 6 }),
		rows: fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 2 }),
		cols: fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 3, maxLength: 3 }),
		lower: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
		upper: fc.double({ min: 1.1, max: 20, noNaN: true })
	})
	.map(({ counts, rows, cols, lower, upper }) => ({
		cells: counts.map((count, i) => ({
			values: [`r${Math.floor(i / 3)}`, `c${i % 3}`] as string[],
			count
		})),
		margins: [
			{ dimension: 'row', population: { r0: rows[0], r1: rows[1] } },
			{ dimension: 'col', population: { c0: cols[0], c1: cols[1], c2: cols[2] } }
		] as Margin[],
		trim: { lower, upper }
	}));

describe('rake properties', () => {
	it('weights are positive and within the trimming bounds', () => {
		fc.assert(
			fc.property(scenario, ({ cells, margins, trim }) => {
				const result = rake(cells, margins, { trim });
				if (!result.ok) return false;
				return result.weights.every(
					(w) => w > 0 && w >= trim.lower - 1e-12 && w <= trim.upper + 1e-12
				);
			})
		);
	});

	it('margins are met whenever no weight had to be trimmed', () => {
		fc.assert(
			fc.property(scenario, ({ cells, margins }) => {
				const result = rake(cells, margins, { trim: wide });
				if (!result.ok) return false;
				const n = result.n;
				return margins.every((margin, m) => {
					const totals = weightedTotals(cells, result.weights, m);
					const population = Object.values(margin.population).reduce((a, b) => a + b, 0);
					return Object.entries(margin.population).every(
						([value, count]) => Math.abs(totals.get(value)! / n - count / population) < 1e-6
					);
				});
			})
		);
	});

	it('the effective sample size never exceeds n', () => {
		fc.assert(
			fc.property(scenario, ({ cells, margins, trim }) => {
				const result = rake(cells, margins, { trim });
				return (
					result.ok && result.effectiveN <= result.n + 1e-9 && result.designEffect >= 1 - 1e-12
				);
			})
		);
	});
});

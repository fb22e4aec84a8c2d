import { describe, expect, it } from 'vitest';
import { weightedMean, weightedProportion, Z95 } from './estimate';

describe('weighted estimates', () => {
	it('an unweighted proportion has the textbook margin p ± 1.96·√(p(1−p)/n)', () => {
		// 40 of 100: .4 ± 1.96·√(.24/100) = .4 ± .0960
		const estimate = weightedProportion(
			[{ weight: 1, count: 40 }],
			[
				{ weight: 1, count: 40 },
				{ weight: 1, count: 60 }
			]
		)!;
		expect(estimate.value).toBeCloseTo(0.4, 12);
		expect(estimate.marginOfError).toBeCloseTo(Z95 * Math.sqrt(0.24 / 100), 12);
	});

	it('uses the effective n: unequal weights widen the margin', () => {
		// 50 people weighted 2 said yes, 50 weighted 0.5 said no: p = 100/125 = .8;
		// n_eff = 125² / (50·4 + 50·.25) = 15625 / 212.5 = 73.53
		const yes = [{ weight: 2, count: 50 }];
		const estimate = weightedProportion(yes, [...yes, { weight: 0.5, count: 50 }])!;
		expect(estimate.value).toBeCloseTo(0.8, 12);
		expect(estimate.marginOfError).toBeCloseTo(Z95 * Math.sqrt((0.8 * 0.2) / (15625 / 212.5)), 12);
	});

	it('a weighted mean with its margin', () => {
		// values 1 (weight 1, 10 people) and 5 (weight 3, 10 people): mean (10 + 150)/40 = 4
		const estimate = weightedMean([
			{ value: 1, weight: 1, count: 10 },
			{ value: 5, weight: 3, count: 10 }
		])!;
		expect(estimate.value).toBeCloseTo(4, 12);
		// variance (10·9 + 30·1)/40 = 3; n_eff = 1600 / 100 = 16
		expect(estimate.marginOfError).toBeCloseTo(Z95 * Math.sqrt(3 / 16), 12);
		expect(weightedMean([])).toBeNull();
	});
});

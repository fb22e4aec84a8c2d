import { describe, expect, it } from 'vitest';
import { cellKey, weightCells } from './cells';

const gender = [{ dimension: 'gender', counts: { woman: 50, man: 50 } }];

describe('weightCells', () => {
	it('rakes counted cells to the census shares, by hand', () => {
		// 14 people: 2 did not say (one chose a value the census does not publish), 12 are raked
		// to half and half: women 6 ÷ 7, men 6 ÷ 5, the two who did not say keep weight 1.
		const outcome = weightCells(
			[
				{ cell: ['woman'], count: 7 },
				{ cell: ['man'], count: 5 },
				{ cell: ['another_gender'], count: 1 },
				{ cell: [null], count: 1 }
			],
			['gender'],
			gender
		);
		if (!outcome.ok) throw new Error('refused');
		const { byCell, n, effectiveN, designEffect } = outcome.weights;
		expect(byCell.get(cellKey(['woman']))).toBeCloseTo(6 / 7, 9);
		expect(byCell.get(cellKey(['man']))).toBeCloseTo(6 / 5, 9);
		expect(byCell.get(cellKey(['another_gender']))).toBeCloseTo(1, 9);
		expect(byCell.get(cellKey([null]))).toBeCloseTo(1, 9);
		expect(n).toBe(14);
		// Kish: (Σw)² ÷ Σw² = 196 ÷ (7·36/49 + 5·36/25 + 2)
		const ess = 196 / ((7 * 36) / 49 + (5 * 36) / 25 + 2);
		expect(effectiveN).toBeCloseTo(ess, 9);
		expect(designEffect).toBeCloseTo(14 / ess, 9);
		expect(outcome.weights.dimensions).toEqual(['gender']);
	});

	it('merges values the baseline does not know with not said, on each dimension alone', () => {
		const outcome = weightCells(
			[
				{ cell: ['woman', '25_34'], count: 5 },
				{ cell: ['man', '25_34'], count: 5 },
				{ cell: ['man', 'prefer_not_to_say'], count: 2 },
				{ cell: ['man', null], count: 3 }
			],
			['gender', 'age_group'],
			[...gender, { dimension: 'age_group', counts: { '25_34': 10 } }]
		);
		if (!outcome.ok) throw new Error('refused');
		const { byCell } = outcome.weights;
		expect(byCell.get(cellKey(['man', 'prefer_not_to_say']))).toBe(
			byCell.get(cellKey(['man', null]))
		);
		expect(byCell.size).toBe(4);
	});

	it('refuses, naming the group with too few people', () => {
		const outcome = weightCells(
			[
				{ cell: ['woman'], count: 9 },
				{ cell: ['man'], count: 3 }
			],
			['gender'],
			gender
		);
		expect(outcome).toEqual({
			ok: false,
			minGroup: 5,
			problems: [{ dimension: 'gender', value: 'man', reason: 'too_few', respondents: 3 }]
		});
	});
});

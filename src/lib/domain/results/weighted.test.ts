import { describe, expect, it } from 'vitest';
import { options, question } from '../questionnaires/test-arbitraries';
import { Z95 } from '../weighting/estimate';
import { weightQuestion, type WeightedAnswer } from './weighted';

const single = question({ type: 'single_choice', options: options('bus', 'walk', 'car') });
const ranking = question({ type: 'ranking', options: options('a', 'b', 'c'), top: 3 });
const rating = question({ type: 'rating' });

describe('weightQuestion', () => {
	it('shows weighted shares with margins beside raw shares', () => {
		// 30 said bus (weight 2), 30 walk (weight 1), 40 car (weight 0.5): weighted 60, 30, 20 of 110
		const answers: WeightedAnswer[] = [
			{ value: 'bus', weight: 2, count: 30 },
			{ value: 'walk', weight: 1, count: 30 },
			{ value: 'car', weight: 0.5, count: 40 }
		];
		const view = weightQuestion(single, answers, 10);
		if (view.kind !== 'choices') throw new Error(view.kind);
		expect(view.rows.map((r) => r.raw)).toEqual([0.3, 0.3, 0.4]);
		expect(view.rows[0].weighted!.value).toBeCloseTo(60 / 110, 12);
		const nEff = 110 ** 2 / (30 * 4 + 30 + 40 * 0.25);
		expect(view.effectiveN).toBeCloseTo(nEff, 9);
		const p = 60 / 110;
		expect(view.rows[0].weighted!.marginOfError).toBeCloseTo(
			Z95 * Math.sqrt((p * (1 - p)) / nEff),
			12
		);
	});

	it('hides a weighted share whose raw count is hidden, and its complement', () => {
		const view = weightQuestion(
			single,
			[
				{ value: 'bus', weight: 3, count: 4 },
				{ value: 'walk', weight: 1, count: 40 },
				{ value: 'car', weight: 1, count: 20 }
			],
			10
		);
		if (view.kind !== 'choices') throw new Error(view.kind);
		expect(view.rows.map((r) => r.suppressed)).toEqual([true, false, true]);
		expect(view.rows[0]).toMatchObject({ raw: null, weighted: null });
		expect(view.rows[2]).toMatchObject({ raw: null, weighted: null });
	});

	it('shows nothing of a question fewer than k answered', () => {
		expect(weightQuestion(single, [{ value: 'bus', weight: 1, count: 9 }], 10)).toMatchObject({
			hidden: true,
			kind: 'none',
			effectiveN: null
		});
	});

	it('weights a scale mean', () => {
		const view = weightQuestion(
			rating,
			[
				{ value: 1, weight: 1, count: 10 },
				{ value: 5, weight: 3, count: 10 }
			],
			10
		);
		if (view.kind !== 'scale') throw new Error(view.kind);
		expect(view.rawMean).toBeCloseTo(3, 12);
		expect(view.mean!.value).toBeCloseTo(4, 12);
	});

	it('shows how the ranking changes once weighted', () => {
		// 20 people (weight 0.5) rank a, b, c; 15 (weight 2) rank c, b, a.
		// Raw points: a 60 + 15 = 75, b 40 + 30 = 70, c 20 + 45 = 65 → a, b, c.
		// Weighted: a 30 + 30 = 60, b 20 + 60 = 80, c 10 + 90 = 100 → c, b, a.
		const view = weightQuestion(
			ranking,
			[
				{ value: ['a', 'b', 'c'], weight: 0.5, count: 20 },
				{ value: ['c', 'b', 'a'], weight: 2, count: 15 }
			],
			10
		);
		if (view.kind !== 'ranking') throw new Error(view.kind);
		expect(view.rows.map((r) => [r.value, r.rawPlace, r.weightedPlace])).toEqual([
			['c', 3, 1],
			['b', 2, 2],
			['a', 1, 3]
		]);
		expect(view.rows[0].weightedPoints).toBeCloseTo(100 / 40, 12);
	});
});

import { describe, expect, it } from 'vitest';
import type { RoundRules } from '../voting/methods';
import { roundResults, type CountedBallot } from '../voting/tally';
import { places, profileCells, weightableProfileDimensions, weightRound } from './vote-round';

const gender = [{ dimension: 'gender', counts: { woman: 50, man: 50 } }];
const ballot = (marks: Record<string, number>, profile: Record<string, string>): CountedBallot => ({
	marks,
	comparisons: [],
	channel: 'online',
	profile
});
const times = (n: number, b: CountedBallot) => Array.from({ length: n }, () => b);

describe('places', () => {
	it('ranks shown scores best first, ties sharing a place, hidden ones without one', () => {
		expect(places([10, null, 30, 10, 5])).toEqual([2, null, 1, 2, 4]);
		expect(places([0.1 + 0.2, 0.3])).toEqual([1, 1]);
		expect(places([])).toEqual([]);
	});
});

describe('weightableProfileDimensions', () => {
	it('keeps the profile dimensions with a baseline, in the profile order', () => {
		expect(weightableProfileDimensions(['housing_tenure', 'gender', 'age_group'])).toEqual([
			'age_group',
			'gender'
		]);
	});
});

describe('profileCells', () => {
	it('counts ballots by their values on the dimensions, not said as null', () => {
		expect(
			profileCells(
				[
					{ profile: { gender: 'man', age_group: '25_34' } },
					{ profile: { gender: 'man' } },
					{ profile: {} },
					{ profile: { gender: 'man', age_group: '35_44' } }
				],
				['gender']
			)
		).toEqual([
			{ cell: ['man'], count: 3 },
			{ cell: [null], count: 1 }
		]);
	});
});

describe('weightRound', () => {
	const dots: RoundRules = {
		method: 'dots',
		settings: { dots: 3, cap: 3 },
		optionIds: ['a', 'b', 'c']
	};
	// 12 men give 2 dots to a, 6 women 3 dots to b, 2 people who did not say 1 dot to c; paper
	// adds 5 dots to c. Census: half and half. The 18 who said are raked to 9 and 9: men weigh
	// 0.75, women 1.5, the two others 1. Raw: a 24, b 18, c 2 + 5. Weighted: a 12·0.75·2 = 18,
	// b 6·1.5·3 = 27, c 7 (paper as it is). b moves up to first, a down to second.
	const ballots = [
		...times(12, ballot({ a: 2 }, { gender: 'man' })),
		...times(6, ballot({ b: 3 }, { gender: 'woman', age_group: '25_34' })),
		...times(2, ballot({ c: 1 }, {}))
	];
	const paper = { c: 5 };
	const raw = roundResults(dots, ballots, paper, { k: 5, seed: 1, reps: 50 });

	it('scores the weighted ballots, paper as it is, and shows how places move', () => {
		const outcome = weightRound(dots, ballots, paper, raw, {
			dimensions: ['gender'],
			baselines: gender,
			k: 5,
			seed: 1,
			reps: 50
		});
		if (!outcome.ok) throw new Error('refused');
		expect(outcome.options.map((o) => o.optionId)).toEqual(['b', 'a', 'c']);
		const [b, a, c] = outcome.options;
		expect(b.score).toBeCloseTo(27, 9);
		expect(a.score).toBeCloseTo(18, 9);
		expect(c.score).toBeCloseTo(7, 9);
		expect([a.rawScore, b.rawScore, c.rawScore]).toEqual([24, 18, 7]);
		expect([a.rawPlace, a.place, b.rawPlace, b.place, c.rawPlace, c.place]).toEqual([
			1, 2, 2, 1, 3, 3
		]);
		for (const option of outcome.options) {
			expect(option.interval!.low).toBeLessThanOrEqual(option.score!);
			expect(option.interval!.high).toBeGreaterThanOrEqual(option.score!);
		}
		expect(outcome.summary.n).toBe(20);
		expect(outcome.summary.effectiveN).toBeCloseTo(400 / (12 * 0.5625 + 6 * 2.25 + 2), 9);
	});

	it('hides a weighted score where the raw one is hidden (approval, fewer than k)', () => {
		const approval: RoundRules = { method: 'approval', settings: {}, optionIds: ['a', 'b', 'c'] };
		const rawApproval = roundResults(approval, ballots, {}, { k: 5, seed: 1, reps: 20 });
		const outcome = weightRound(approval, ballots, {}, rawApproval, {
			dimensions: ['gender'],
			baselines: gender,
			k: 5,
			seed: 1,
			reps: 20
		});
		if (!outcome.ok) throw new Error('refused');
		const c = outcome.options.find((o) => o.optionId === 'c')!;
		expect(c).toMatchObject({ score: null, interval: null, place: null, rawPlace: null });
		expect(outcome.options.map((o) => o.place)).toEqual([1, 2, null]);
	});

	it('refuses when a group has too few voters', () => {
		const outcome = weightRound(dots, ballots.slice(8), paper, raw, {
			dimensions: ['gender'],
			baselines: gender,
			k: 5,
			seed: 1
		});
		expect(outcome).toMatchObject({
			ok: false,
			problems: [{ dimension: 'gender', value: 'man', reason: 'too_few', respondents: 4 }]
		});
	});
});

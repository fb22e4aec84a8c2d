import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	averageRanks,
	bootstrapIntervals,
	breakdown,
	checkBallot,
	marksFromForm,
	nextPair,
	pairKey,
	parseSettings,
	roundResults,
	scores,
	seededRandom,
	topThree,
	withComparison,
	type CountedBallot,
	type RoundRules
} from './index';

const optionIds = ['a', 'b', 'c', 'd'];
const dots: RoundRules = { method: 'dots', settings: { dots: 5, cap: 3 }, optionIds };
const ranking: RoundRules = { method: 'ranking', settings: { top: 3 }, optionIds: ['a', 'b', 'c'] };
const approval: RoundRules = { method: 'approval', settings: {}, optionIds };
const pairwise: RoundRules = { method: 'pairwise', settings: {}, optionIds };

const ballot = (
	marks: Record<string, number>,
	extra: Partial<CountedBallot> = {}
): CountedBallot => ({ marks, comparisons: [], channel: 'online', profile: {}, ...extra });

describe('settings', () => {
	it('refuses a cap above the number of dots', () => {
		expect(parseSettings('dots', { dots: 3, cap: 4 })).toBeNull();
		expect(parseSettings('dots', { dots: '5', cap: '2' })).toEqual({ dots: 5, cap: 2 });
		expect(parseSettings('ranking', { top: 0 })).toBeNull();
	});
});

describe('checking a ballot', () => {
	it('accepts dots within the total and the cap, and drops empty marks', () => {
		expect(checkBallot(dots, { a: 3, b: 2, c: 0 })).toEqual({
			ok: true,
			ballot: { marks: { a: 3, b: 2 }, comparisons: [] }
		});
	});
	it.each([
		[dots, { a: 3, b: 3 }, 'voting.errors.too_many_dots'],
		[dots, { a: 4 }, 'voting.errors.over_cap'],
		[dots, { z: 1 }, 'voting.errors.unknown_option'],
		[dots, {}, 'voting.errors.empty'],
		[dots, { a: 1.5 }, 'voting.errors.malformed'],
		[dots, { a: -1 }, 'voting.errors.malformed'],
		[dots, 'a=3', 'voting.errors.malformed'],
		[ranking, { a: 1, b: 1 }, 'voting.errors.ranks_in_order'],
		[ranking, { a: 2 }, 'voting.errors.ranks_in_order'],
		[{ ...ranking, settings: { top: 1 } }, { a: 1, b: 2 }, 'voting.errors.too_many_ranked'],
		[approval, { a: 2 }, 'voting.errors.malformed'],
		[pairwise, [{ winner: 'a', loser: 'a' }], 'voting.errors.same_pair'],
		[pairwise, [{ winner: 'a', loser: 'x' }], 'voting.errors.unknown_option'],
		[pairwise, [], 'voting.errors.empty'],
		[pairwise, { winner: 'a', loser: 'b' }, 'voting.errors.malformed']
	] as const)('refuses %#: %j', (rules, input, error) => {
		expect(checkBallot(rules, input)).toEqual({ ok: false, error });
	});
	it('keeps only the last answer to the same pair', () => {
		const answers = withComparison([{ winner: 'a', loser: 'b' }], { winner: 'b', loser: 'a' });
		expect(answers).toEqual([{ winner: 'b', loser: 'a' }]);
		expect(checkBallot(pairwise, answers)).toMatchObject({ ok: true });
	});
	it('reads marks from a form, keeping nonsense for the check to refuse', () => {
		const marks = marksFromForm({
			'mark.a': '2',
			'mark.b': '',
			'mark.c': 'on',
			'mark.d': '1e3',
			x: '1'
		});
		expect(marks.a).toBe(2);
		expect(marks.c).toBe(1);
		expect(marks.d).toBeNaN();
		expect('b' in marks).toBe(false);
		expect(checkBallot(dots, marks)).toEqual({ ok: false, error: 'voting.errors.malformed' });
	});
	it('never throws and never accepts a ballot that breaks the rules, whatever arrives', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(dots, ranking, approval, pairwise),
				fc.anything(),
				(rules, input) => {
					const result = checkBallot(rules, input);
					if (!result.ok) {
						expect(result.error).toMatch(/^voting\.errors\.[a-z_]+$/);
						return;
					}
					const values = Object.values(result.ballot.marks);
					if (rules.method === 'dots')
						expect(values.reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(5);
				}
			)
		);
		fc.assert(
			fc.property(
				fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: -2, max: 6 })),
				(input) => {
					const result = checkBallot(dots, input);
					if (!result.ok) return;
					const values = Object.values(result.ballot.marks);
					expect(values.every((v) => v >= 1 && v <= 3)).toBe(true);
					expect(values.reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(5);
				}
			)
		);
	});
});

describe('tallies (hand-computed)', () => {
	it('dot voting sums dots, weights included, and adds paper dots', () => {
		const ballots = [ballot({ a: 3, b: 2 }, { weight: 2 }), ballot({ a: 1, c: 3 })];
		expect(scores(dots, ballots)).toEqual([7, 4, 3, 0]);
		expect(scores(dots, ballots, { d: 6 })).toEqual([7, 4, 3, 6]);
	});
	it('ranking: Borda count (n − rank points) and average rank', () => {
		// three options: rank 1 earns 2 points, rank 2 earns 1, rank 3 and unranked nothing
		const ballots = [ballot({ a: 1, b: 2, c: 3 }), ballot({ b: 1, a: 2 }), ballot({ c: 1 })];
		expect(scores(ranking, ballots)).toEqual([3, 3, 2]);
		expect(averageRanks(ranking, ballots)).toEqual([1.5, 1.5, 2]);
		expect(topThree(ranking, [3, 3, 2])).toEqual(['a', 'b', 'c']);
	});
	it('approval counts approvals', () => {
		const ballots = [ballot({ a: 1, b: 1 }), ballot({ b: 1 }), ballot({ b: 1, d: 1 })];
		expect(scores(approval, ballots)).toEqual([1, 3, 0, 1]);
		expect(topThree(approval, [1, 3, 0, 1])).toEqual(['b', 'a', 'd']);
	});
	it('pairwise: an option that always wins scores highest, never-compared ones have none', () => {
		const comparisons = [
			{ winner: 'a', loser: 'b' },
			{ winner: 'a', loser: 'c' },
			{ winner: 'b', loser: 'c' }
		];
		const result = scores(pairwise, [ballot({}, { comparisons }), ballot({}, { comparisons })]);
		expect(result[3]).toBeNull();
		const [a, b, c] = result as number[];
		expect(a).toBeGreaterThan(b);
		expect(b).toBeGreaterThan(c);
		// symmetric data: b, in the middle, is an even bet against a random other option
		expect(b).toBeCloseTo(50, 6);
	});
	it('a weight of 2 counts as the same ballot twice (property)', () => {
		const marks = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 3 }));
		fc.assert(
			fc.property(
				fc.array(marks, { maxLength: 20 }),
				fc.constantFrom(dots, ranking),
				(list, rules) => {
					const once = list.map((m) => ballot(m, { weight: 2 }));
					const twice = list.flatMap((m) => [ballot(m), ballot(m)]);
					expect(scores(rules, once)).toEqual(scores(rules, twice));
					expect(scores(rules, [...twice].reverse())).toEqual(scores(rules, twice));
				}
			)
		);
	});
});

describe('bootstrap intervals', () => {
	const ballots = Array.from({ length: 60 }, (_, i) =>
		ballot(i % 3 === 0 ? { a: 3, b: 2 } : i % 3 === 1 ? { a: 2, c: 1 } : { d: 3, b: 1 })
	);
	it('are repeatable with the same seed and contain the estimate', () => {
		const first = bootstrapIntervals(dots, ballots, {}, { seed: 42 });
		expect(bootstrapIntervals(dots, ballots, {}, { seed: 42 })).toEqual(first);
		expect(bootstrapIntervals(dots, ballots, {}, { seed: 43 })).not.toEqual(first);
		scores(dots, ballots).forEach((score, i) => {
			expect(first[i]!.low).toBeLessThanOrEqual(score!);
			expect(first[i]!.high).toBeGreaterThanOrEqual(score!);
		});
	});
	it('are null for a round without ballots', () => {
		expect(bootstrapIntervals(dots, [])).toEqual([null, null, null, null]);
	});
	it('the PRNG is seeded', () => {
		const a = seededRandom(7);
		const b = seededRandom(7);
		expect([a(), a(), a()]).toEqual([b(), b(), b()]);
	});
});

describe('breakdown by group', () => {
	const young = Array.from({ length: 12 }, () =>
		ballot({ a: 1, b: 1, c: 1 }, { profile: { age_group: '15_24' } })
	);
	const older = Array.from({ length: 12 }, () =>
		ballot({ d: 1, b: 1, c: 1 }, { profile: { age_group: '65_74' } })
	);
	const few = Array.from({ length: 3 }, () =>
		ballot({ a: 1 }, { profile: { age_group: '35_44' }, channel: 'kiosk' })
	);
	it('suppresses groups under k and flags groups whose top three differ', () => {
		const result = breakdown(
			approval,
			[...young, ...older, ...few],
			(b) => b.profile.age_group,
			10
		);
		expect(result.groups.find((g) => g.key === '35_44')).toMatchObject({
			suppressed: true,
			ballots: null,
			scores: null
		});
		// one small group hidden: the smallest other group is hidden too (complementary suppression)
		expect(result.groups.filter((g) => g.suppressed)).toHaveLength(2);
		const both = breakdown(approval, [...young, ...older], (b) => b.profile.age_group, 10);
		expect(both.disagree).toBe(true);
		expect(breakdown(approval, young, (b) => b.profile.age_group, 10).disagree).toBe(false);
	});
	it('puts it all together for the results page', () => {
		const anonymousKiosk = few.map((b) => ({ ...b, profile: {} }));
		const results = roundResults(
			approval,
			[...young, ...older, ...anonymousKiosk],
			{},
			{
				k: 10,
				seed: 1,
				reps: 50,
				dimensions: ['age_group']
			}
		);
		expect(results.ballots).toBe(27);
		expect(results.options.map((o) => o.supporters)).toEqual([15, 24, 24, 12]);
		expect(results.byChannel.groups.map((g) => g.key)).toEqual(['online', 'kiosk']);
		expect(results.byChannel.groups[1].suppressed).toBe(true);
		expect(results.byProfile.age_group.disagree).toBe(true);
	});
});

describe('random pairs', () => {
	it('asks every pair once before any again, never an option against itself', () => {
		const random = seededRandom(3);
		let answered: { winner: string; loser: string }[] = [];
		for (let i = 0; i < 6; i++) {
			const pair = nextPair(optionIds, answered, random)!;
			expect(pair[0]).not.toBe(pair[1]);
			expect(answered.map((c) => pairKey(c.winner, c.loser))).not.toContain(pairKey(...pair));
			answered = withComparison(answered, { winner: pair[0], loser: pair[1] });
		}
		expect(nextPair(optionIds, answered, random)).not.toBeNull();
		expect(nextPair(['a'], [], random)).toBeNull();
	});
	it('skipping gives another pair when there is one', () => {
		const pair = nextPair(['a', 'b', 'c'], [], seededRandom(1), ['a', 'b'])!;
		expect(pairKey(...pair)).not.toBe('a|b');
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languagePopulation } from './language';
import { indexesOf, participantsNeeded, representDimension } from './representation';

const tenure = ['owner', 'renter', 'other'];

describe('representDimension', () => {
	/*
	 * By hand: population owners 600, renters 350, other 50 (shares .6, .35, .05); participants
	 * 70 owners, 25 renters, 5 other, 8 prefer not to say, out of 120 who took part.
	 * Compared: 100. Ratios: .7/.6 = 1.1667, .25/.35 = .7143, .05/.05 = 1.
	 * Renters: (25 + x)/(100 + x) ≥ .8 · .35 = .28 → x ≥ (28 − 25)/.72 = 4.17 → 5.
	 * Min-max: .7143/1.1667 = .6122. Dissimilarity: ½(.1 + .1 + 0) = .1 → .9.
	 */
	const result = representDimension({
		values: tenure,
		participants: { owner: 70, renter: 25, other: 5, prefer_not_to_say: 8 },
		population: { owner: 600, renter: 350, other: 50 },
		totalParticipants: 120,
		threshold: 0.8
	});

	it('computes shares and ratios over the groups with a known population', () => {
		expect(result.compared).toBe(100);
		const [owner, renter, other] = result.groups;
		expect(owner.participantShare).toBeCloseTo(0.7, 12);
		expect(owner.populationShare).toBeCloseTo(0.6, 12);
		expect(owner.ratio).toBeCloseTo(7 / 6, 12);
		expect(renter.ratio).toBeCloseTo(0.25 / 0.35, 12);
		expect(other.ratio).toBeCloseTo(1, 12);
		expect(result.groups.map((g) => g.flagged)).toEqual([false, true, false]);
	});

	it('reports prefer not to say and unanswered beside the groups, in no share', () => {
		expect(result.preferNotToSay).toBe(8);
		expect(result.unanswered).toBe(12);
	});

	it('solves outreach targets exactly', () => {
		expect(result.groups.map((g) => g.needed)).toEqual([0, 5, 0]);
		// With 5 more renters: 30/105 = .2857 ≥ .28; with 4: 29/104 = .2788 < .28.
		expect(29 / 104).toBeLessThan(0.28);
		expect(30 / 105).toBeGreaterThanOrEqual(0.28);
	});

	it('computes both indexes', () => {
		expect(result.indexes.minMaxRatio).toBeCloseTo(0.25 / 0.35 / (7 / 6), 12);
		expect(result.indexes.similarity).toBeCloseTo(0.9, 12);
	});

	it('an empty group zeroes the min-max ratio but only dents the similarity index', () => {
		const empty = representDimension({
			values: tenure,
			participants: { owner: 60, renter: 40 },
			population: { owner: 600, renter: 380, other: 20 },
			totalParticipants: 100,
			threshold: 0.8
		});
		expect(empty.indexes.minMaxRatio).toBe(0);
		// p = (.6, .4, 0), q = (.6, .38, .02): ½(0 + .02 + .02) = .02
		expect(empty.indexes.similarity).toBeCloseTo(0.98, 12);
		// (0 + x)/(100 + x) ≥ .016 → x ≥ 1.6/.984 = 1.63 → 2
		expect(empty.groups[2].needed).toBe(2);
		expect(empty.groups[2].flagged).toBe(true);
	});

	it('tiny groups: one participant in a group of 1 % of the population', () => {
		const tiny = representDimension({
			values: ['a', 'b'],
			participants: { a: 1, b: 2 },
			population: { a: 1, b: 99 },
			totalParticipants: 3,
			threshold: 0.8
		});
		expect(tiny.groups[0].ratio).toBeCloseTo(1 / 3 / 0.01, 9);
		expect(tiny.groups[1].ratio).toBeCloseTo(2 / 3 / 0.99, 9);
		// b: (2 + x)/(3 + x) ≥ .792 → x ≥ (2.376 − 2)/.208 = 1.81 → 2
		expect(tiny.groups[1].needed).toBe(2);
	});

	it('leaves a group with an unknown population out of the shares', () => {
		const unknown = representDimension({
			values: tenure,
			participants: { owner: 50, renter: 50, other: 9 },
			population: { owner: 500, renter: 500 },
			totalParticipants: 109,
			threshold: 0.8
		});
		expect(unknown.compared).toBe(100);
		expect(unknown.groups[2]).toMatchObject({ ratio: null, populationShare: null, needed: null });
		expect(unknown.indexes.minMaxRatio).toBeCloseTo(1, 12);
	});

	it('has no ratios before anyone took part', () => {
		const none = representDimension({
			values: tenure,
			participants: {},
			population: { owner: 1, renter: 1, other: 1 },
			totalParticipants: 0,
			threshold: 0.8
		});
		expect(none.groups.every((g) => g.ratio === null && !g.flagged)).toBe(true);
		expect(none.indexes).toEqual({ minMaxRatio: null, similarity: null });
	});
});

describe('participantsNeeded', () => {
	it('is the smallest number that reaches the threshold', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 5000 }),
				fc.integer({ min: 1, max: 5000 }),
				fc.integer({ min: 1, max: 99 }),
				fc.integer({ min: 10, max: 100 }),
				(n0, rest, qPercent, tPercent) => {
					const compared = n0 + rest;
					const q = qPercent / 100;
					const t = tPercent / 100;
					const x = participantsNeeded(n0, compared, q, t);
					if (x === null) return false;
					const reaches = (y: number) => (n0 + y) / (compared + y) >= t * q - 1e-12;
					return reaches(x) && (x === 0 || !reaches(x - 1));
				}
			)
		);
	});
});

describe('indexesOf', () => {
	it('both indexes are between 0 and 1', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 })), {
					minLength: 2,
					maxLength: 8
				}),
				(pairs) => {
					const values = pairs.map((_, i) => `g${i}`);
					const result = representDimension({
						values,
						participants: Object.fromEntries(pairs.map(([p], i) => [`g${i}`, p])),
						population: Object.fromEntries(pairs.map(([, q], i) => [`g${i}`, q])),
						totalParticipants: pairs.reduce((s, [p]) => s + p, 0),
						threshold: 0.8
					});
					const { minMaxRatio, similarity } = indexesOf(result.groups);
					if (result.compared === 0) return minMaxRatio === null;
					return (
						minMaxRatio !== null &&
						minMaxRatio >= 0 &&
						minMaxRatio <= 1 + 1e-12 &&
						similarity !== null &&
						similarity >= -1e-12 &&
						similarity <= 1 + 1e-12
					);
				}
			)
		);
	});
});

describe('languagePopulation', () => {
	it('splits "English and French" half to each language, as Statistics Canada does', () => {
		expect(languagePopulation({ english: 700, french: 250, both: 40, neither: 10 })).toEqual({
			en: 720,
			fr: 270
		});
		expect(languagePopulation({ english: 700 })).toEqual({ en: 700 });
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupIsShown, suppressCells } from './suppress';

const cells = (counts: Record<string, number>) =>
	Object.entries(counts).map(([key, count]) => ({ key, count }));
const shown = (result: ReturnType<typeof suppressCells>) =>
	Object.fromEntries(result.map((cell) => [cell.key, cell.count]));

describe('suppressCells', () => {
	it('shows every cell of k or more', () => {
		expect(shown(suppressCells(cells({ a: 10, b: 25, c: 0 }), 10))).toEqual({ a: 10, b: 25, c: 0 });
	});

	it('hides small cells and, when one alone would be hidden, its smallest complement', () => {
		expect(shown(suppressCells(cells({ a: 3, b: 40, c: 12 }), 10))).toEqual({
			a: null,
			b: 40,
			c: null
		});
	});

	it('needs no complement when two or more cells are already hidden', () => {
		expect(shown(suppressCells(cells({ a: 3, b: 4, c: 40 }), 10))).toEqual({
			a: null,
			b: null,
			c: 40
		});
	});

	it('hides the whole group when it is smaller than k', () => {
		expect(shown(suppressCells(cells({ a: 6, b: 2, c: 0 }), 10))).toEqual({
			a: null,
			b: null,
			c: 0
		});
	});

	it('never goes below k = 5', () => {
		expect(shown(suppressCells(cells({ a: 4, b: 50, c: 50 }), 2))).toEqual({
			a: null,
			b: null,
			c: 50
		});
	});

	it('never lets a hidden cell be derived from the total and the shown cells', () => {
		fc.assert(
			fc.property(
				fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 8 }),
				fc.integer({ min: 5, max: 20 }),
				(counts, k) => {
					const result = suppressCells(
						counts.map((count, i) => ({ key: `g${i}`, count })),
						k
					);
					const hidden = result.filter((cell) => cell.suppressed);
					// no shown cell is a small group
					for (const cell of result)
						if (!cell.suppressed) expect(cell.count === 0 || cell.count >= k).toBe(true);
					// with the total shown, a single hidden cell would be the total minus the rest
					const total = counts.reduce((a, b) => a + b, 0);
					if (total >= k) expect(hidden.length).not.toBe(1);
				}
			)
		);
	});
});

describe('groupIsShown', () => {
	it('shows empty groups and groups of at least k', () => {
		expect(groupIsShown(0, 10)).toBe(true);
		expect(groupIsShown(9, 10)).toBe(false);
		expect(groupIsShown(10, 10)).toBe(true);
	});
});

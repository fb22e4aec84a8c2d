import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber } from './numbers';

describe('parseNumber', () => {
	it.each([
		['12', 12],
		[' -4 ', -4],
		['+7', 7],
		['3.5', 3.5],
		['3,5', 3.5],
		[',5', 0.5],
		['1 250', 1250],
		['1\u00a0250,75', 1250.75],
		['1\u202f000\u202f000', 1_000_000],
		['0,250', 0.25],
		['2e3', 2000],
		['\u22125', -5]
	])('reads %j as %d', (text, value) => expect(parseNumber(text)).toBe(value));

	it.each([
		'',
		'abc',
		'1,250',
		'12,345,678',
		'1.2.3',
		'1,2,3',
		'1 2',
		'0x10',
		'Infinity',
		'1e999',
		'3.5 km',
		'--1'
	])('refuses %j', (text) => expect(parseNumber(text)).toBeUndefined());

	it('reads back any finite number written by JavaScript', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
				expect(parseNumber(String(n))).toBe(n === 0 ? 0 : n);
			})
		);
	});

	// Three decimals after a comma ("1,250") are refused as ambiguous, so cents are used here.
	it('reads back amounts formatted for French Canada, grouping spaces and all', () => {
		const fr = new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 2 });
		fc.assert(
			fc.property(
				fc.integer({ min: -1e9, max: 1e9 }),
				fc.integer({ min: 0, max: 99 }),
				(whole, cents) => {
					const n = whole + Math.sign(whole || 1) * (cents / 100);
					expect(parseNumber(fr.format(n))).toBeCloseTo(n, 9);
				}
			)
		);
	});
});

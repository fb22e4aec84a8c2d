import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatJoinCode, JOIN_CODE_ALPHABET, newJoinCode, normalizeJoinCode } from './join-code';

describe('join codes', () => {
	it('never use the characters people confuse', () => {
		expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OI]/);
		expect(JOIN_CODE_ALPHABET).toHaveLength(32);
		for (let i = 0; i < 200; i++) expect(newJoinCode()).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
	});

	it('every byte maps to a symbol, evenly', () => {
		const seen = new Map<string, number>();
		for (let byte = 0; byte < 256; byte++) {
			const code = newJoinCode(() => new Uint8Array(6).fill(byte));
			seen.set(code[0], (seen.get(code[0]) ?? 0) + 1);
		}
		expect([...seen.values()].every((n) => n === 8)).toBe(true);
	});

	it('reads a code however it was typed, and nothing else', () => {
		expect(normalizeJoinCode(' k7p-3qx ')).toBe('K7P3QX');
		expect(normalizeJoinCode('K7P 3QX')).toBe('K7P3QX');
		expect(normalizeJoinCode('K7P3Q')).toBeNull();
		expect(normalizeJoinCode('K7P3QO')).toBeNull();
		expect(normalizeJoinCode('K7P3Q1')).toBeNull();
		fc.assert(
			fc.property(fc.string(), (typed) => {
				const code = normalizeJoinCode(typed);
				return code === null || /^[A-HJ-NP-Z2-9]{6}$/.test(code);
			})
		);
	});

	it('formats in two groups that read back to the same code', () => {
		const code = newJoinCode();
		expect(formatJoinCode(code)).toMatch(/^\S{3} \S{3}$/);
		expect(normalizeJoinCode(formatJoinCode(code))).toBe(code);
	});
});

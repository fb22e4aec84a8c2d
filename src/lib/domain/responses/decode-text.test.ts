import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';

describe('decodeText', () => {
	it('reads UTF-8, with or without a byte-order mark', () => {
		expect(decodeText(new TextEncoder().encode('\uFEFFQ1\nÀ pied'))).toBe('Q1\nÀ pied');
	});

	it('reads Windows-1252 when the bytes are not UTF-8', () => {
		expect(decodeText(Uint8Array.from([0xc0, 0x20, 0x70, 0x69, 0x65, 0x64]))).toBe('À pied');
	});
});

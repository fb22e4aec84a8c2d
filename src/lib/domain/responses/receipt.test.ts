import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newReceiptCode, normalizeReceipt } from './receipt';

describe('receipt codes', () => {
	it('look like XXXX-XXXX-XXXX and normalise back to themselves', () => {
		const code = newReceiptCode();
		expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		expect(normalizeReceipt(code)).toBe(code.replace(/-/g, ''));
	});

	it('forgive case, spacing and look-alike letters', () => {
		expect(normalizeReceipt('abcd efgh jk0o')).toBe('ABCDEFGHJK00');
		expect(normalizeReceipt('1il1-2222-3333')).toBe('111122223333');
	});

	it('refuse what cannot be a code', () => {
		expect(normalizeReceipt('')).toBeNull();
		expect(normalizeReceipt('ABCD-EFGH')).toBeNull();
		expect(normalizeReceipt('ABCD-EFGH-JKU!')).toBeNull();
	});

	it('every generated code is valid', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), (bytes) => {
				const code = newReceiptCode(() => bytes);
				expect(normalizeReceipt(code)).not.toBeNull();
			})
		);
	});
});

import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

// Low cost keeps the test quick; the parameters are stored in the hash, so verification uses them.
const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('passwords', () => {
	it('verifies the right password and refuses a wrong one', async () => {
		const stored = await hashPassword('correct horse battery', cheap);
		expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
		expect(await verifyPassword('correct horse battery', stored)).toBe(true);
		expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
	});

	it('salts each hash', async () => {
		expect(await hashPassword('same', cheap)).not.toBe(await hashPassword('same', cheap));
	});

	it('treats a malformed stored hash as a mismatch', async () => {
		expect(await verifyPassword('x', 'plain-text')).toBe(false);
		expect(await verifyPassword('x', 'scrypt$1024$8$1$$')).toBe(false);
	});

	it('uses the default cost when none is given', async () => {
		expect(await hashPassword('x')).toMatch(/^scrypt\$131072\$8\$1\$/);
	});
});

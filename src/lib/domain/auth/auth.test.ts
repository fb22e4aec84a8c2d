import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../validation';
import { registerForm, safeRedirect, signInForm } from './schemas';

describe('safeRedirect', () => {
	it.each([
		['/en/communities/x', '/en/communities/x'],
		['/fr/communities/x', '/home'],
		['https://evil.example/en/', '/home'],
		['//evil.example/en/', '/home'],
		[null, '/home']
	])('%s → %s', (target, expected) => expect(safeRedirect(target, 'en', '/home')).toBe(expected));
});

describe('registerForm', () => {
	it('asks for a long enough password typed twice the same', () => {
		const short = registerForm.safeParse({ displayName: 'A', password: 'short', confirm: 'short' });
		expect(!short.success && fieldErrors(short.error)).toEqual({
			password: 'auth.errors.password_short'
		});
		const mismatch = registerForm.safeParse({
			displayName: 'A',
			password: 'long enough password',
			confirm: 'long enough passwort'
		});
		expect(!mismatch.success && fieldErrors(mismatch.error)).toEqual({
			confirm: 'auth.errors.password_mismatch'
		});
	});
});

describe('signInForm', () => {
	it('requires both fields and lower-cases the email', () => {
		expect(signInForm.parse({ email: ' A@B.ORG', password: 'x' }).email).toBe('a@b.org');
		const empty = signInForm.safeParse({});
		expect(!empty.success && Object.keys(fieldErrors(empty.error))).toEqual(['email', 'password']);
	});
});

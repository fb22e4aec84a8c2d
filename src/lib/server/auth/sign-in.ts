import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/types';
import type { AuthProvider, SessionUser } from './provider';
import { isRateLimited, recordAttempt } from './sign-in-attempts';

/**
 * Signs a person in with either provider.
 * Outcomes: { ok: true, user } | { ok: false, reason: 'invalid' } for any bad credential (the
 * same answer whether the email exists or not) | { ok: false, reason: 'rate_limited' } after too
 * many recent failures for this email or address.
 */
export async function signIn(
	db: Db,
	auth: AuthProvider,
	cookies: Cookies,
	input: { email: string; password: string; ip: string }
): Promise<{ ok: true; user: SessionUser } | { ok: false; reason: 'invalid' | 'rate_limited' }> {
	if (await isRateLimited(db, input.email, input.ip)) return { ok: false, reason: 'rate_limited' };
	const user = await auth.signIn(cookies, input.email, input.password);
	await recordAttempt(db, input.email, input.ip, user !== null);
	return user ? { ok: true, user } : { ok: false, reason: 'invalid' };
}

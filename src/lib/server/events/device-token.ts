import type { Cookies } from '@sveltejs/kit';
import { hashToken, newToken } from '../auth/tokens';

/*
 * A phone's device token: a random cookie set when it first joins an event, so that ideas and the
 * profile can be tied to "this phone" without an account. Only its hash is stored.
 */
export const DEVICE_COOKIE = 'cg_device';
const ONE_YEAR = 60 * 60 * 24 * 365;

/** The phone's token, if it has one. */
export function deviceToken(cookies: Cookies): string | null {
	const token = cookies.get(DEVICE_COOKIE);
	return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** The phone's token, giving it one first when it has none. */
export function ensureDeviceToken(cookies: Cookies, secure: boolean): string {
	const existing = deviceToken(cookies);
	if (existing) return existing;
	const token = newToken();
	cookies.set(DEVICE_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: ONE_YEAR
	});
	return token;
}

/** What the database keeps for a device token. */
export const deviceHash = hashToken;

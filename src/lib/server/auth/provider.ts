import type { Cookies } from '@sveltejs/kit';

export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
}

export type RegisterResult =
	{ ok: true; user: SessionUser } | { ok: false; reason: 'email_taken' | 'confirm_email' };

/**
 * Local accounts (embedded default) or Supabase Auth. Either way the result is a user id that
 * profiles and memberships use. Rate limiting and messages are the caller's, the same for both.
 */
export interface AuthProvider {
	readonly kind: 'local' | 'supabase';
	/** The signed-in user, validated with the provider on every request. */
	currentUser(cookies: Cookies): Promise<SessionUser | null>;
	/** null for any bad credential, without saying which part was wrong. */
	signIn(cookies: Cookies, email: string, password: string): Promise<SessionUser | null>;
	register(
		cookies: Cookies,
		input: { email: string; password: string; displayName: string }
	): Promise<RegisterResult>;
	signOut(cookies: Cookies): Promise<void>;
}

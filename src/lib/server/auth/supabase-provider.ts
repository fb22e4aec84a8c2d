import { createServerClient } from '@supabase/ssr';
import type { WebSocketLikeConstructor } from '@supabase/supabase-js';
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/types';
import type { AuthProvider, SessionUser } from './provider';

/**
 * The server never opens a Realtime connection, but realtime-js wants a WebSocket class when the
 * client is built and, on Node 20 (which has none), throws instead: every request would fail.
 */
const noRealtime = class {
	constructor() {
		throw new Error('Realtime is not used on the server.');
	}
} as unknown as WebSocketLikeConstructor;

/** Errors of signUp that mean the address already has an account (GoTrue's error codes). */
const EMAIL_TAKEN = new Set(['user_already_exists', 'email_exists']);

/**
 * Supabase Auth through supabase-js and @supabase/ssr. The session lives in Supabase's cookies;
 * every request validates the user with the Auth server (getUser), never trusting the cookie's
 * contents alone. A profile row mirrors each user so memberships can refer to it.
 */
export function supabaseProvider(db: Db, url: string, anonKey: string): AuthProvider {
	const client = (cookies: Cookies) =>
		createServerClient(url, anonKey, {
			realtime: { transport: noRealtime },
			cookies: {
				getAll: () => cookies.getAll(),
				// Only the server reads these cookies (there is no browser client): keep them from page
				// scripts, as the local provider does, rather than @supabase/ssr's httpOnly: false.
				setAll: (list) =>
					list.forEach(({ name, value, options }) =>
						cookies.set(name, value, { ...options, path: '/', httpOnly: true })
					)
			}
		});

	async function mirrorProfile(user: {
		id: string;
		email?: string;
		user_metadata?: Record<string, unknown>;
	}) {
		const email = user.email ?? '';
		const displayName = String(user.user_metadata?.display_name ?? email.split('@')[0] ?? 'User');
		await db.query(
			`insert into public.profiles (id, display_name, email) values ($1, $2, $3)
			on conflict (id) do update set email = excluded.email`,
			[user.id, displayName, email]
		);
		return { id: user.id, email, displayName } satisfies SessionUser;
	}

	return {
		kind: 'supabase',

		async currentUser(cookies) {
			const { data, error } = await client(cookies).auth.getUser();
			if (error || !data.user) return null;
			return mirrorProfile(data.user);
		},

		async signIn(cookies, email, password) {
			const { data, error } = await client(cookies).auth.signInWithPassword({ email, password });
			if (error || !data.user) return null;
			return mirrorProfile(data.user);
		},

		async register(cookies, { email, password, displayName }) {
			const { data, error } = await client(cookies).auth.signUp({
				email,
				password,
				options: { data: { display_name: displayName } }
			});
			if (error && EMAIL_TAKEN.has(error.code ?? '')) return { ok: false, reason: 'email_taken' };
			// Anything else (a weak password by the project's policy, rate limits, an outage) is not
			// "this email has an account": let it surface as an error.
			if (error) throw error;
			if (!data.user || !data.session) return { ok: false, reason: 'confirm_email' };
			return { ok: true, user: await mirrorProfile(data.user) };
		},

		async signOut(cookies) {
			await client(cookies).auth.signOut();
		}
	};
}

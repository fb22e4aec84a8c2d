import { createServerClient } from '@supabase/ssr';
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/types';
import type { AuthProvider, SessionUser } from './provider';

/**
 * Supabase Auth through supabase-js and @supabase/ssr. The session lives in Supabase's cookies;
 * every request validates the user with the Auth server (getUser), never trusting the cookie's
 * contents alone. A profile row mirrors each user so memberships can refer to it.
 */
export function supabaseProvider(db: Db, url: string, anonKey: string): AuthProvider {
	const client = (cookies: Cookies) =>
		createServerClient(url, anonKey, {
			cookies: {
				getAll: () => cookies.getAll(),
				setAll: (list) =>
					list.forEach(({ name, value, options }) =>
						cookies.set(name, value, { ...options, path: '/' })
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
			if (error) return { ok: false, reason: 'email_taken' };
			if (!data.user || !data.session) return { ok: false, reason: 'confirm_email' };
			return { ok: true, user: await mirrorProfile(data.user) };
		},

		async signOut(cookies) {
			await client(cookies).auth.signOut();
		}
	};
}

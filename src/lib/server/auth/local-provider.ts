import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/types';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import type { AuthProvider, SessionUser } from './provider';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'cg_session';
const SESSION_DAYS = 30;

type UserRow = { id: string; email: string; display_name: string };
const toUser = (row: UserRow): SessionUser => ({
	id: row.id,
	email: row.email,
	displayName: row.display_name
});

/** Accounts and sessions in our own tables: the provider for the embedded default. */
export function localProvider(db: Db): AuthProvider {
	async function startSession(cookies: Cookies, userId: string) {
		const token = newToken();
		await db.query(
			`insert into public.sessions (token_hash, user_id, expires_at)
			values ($1, $2, now() + make_interval(days => $3::int))`,
			[hashToken(token), userId, SESSION_DAYS]
		);
		cookies.set(SESSION_COOKIE, token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: SESSION_DAYS * 24 * 3600
		});
	}

	return {
		kind: 'local',

		async currentUser(cookies) {
			const token = cookies.get(SESSION_COOKIE);
			if (!token) return null;
			const [row] = await db.query<UserRow>(
				`select p.id, p.email, p.display_name
				from public.sessions s join public.profiles p on p.id = s.user_id
				where s.token_hash = $1 and s.expires_at > now()`,
				[hashToken(token)]
			);
			return row ? toUser(row) : null;
		},

		async signIn(cookies, email, password) {
			const [row] = await db.query<UserRow & { password_hash: string }>(
				`select p.id, p.email, p.display_name, a.password_hash
				from public.local_accounts a join public.profiles p on p.id = a.user_id
				where lower(a.email) = lower($1)`,
				[email]
			);
			const matches = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
			if (!row || !matches) return null;
			await startSession(cookies, row.id);
			return toUser(row);
		},

		async register(cookies, { email, password, displayName }) {
			const passwordHash = await hashPassword(password);
			const user = await db.transaction(async (tx) => {
				const taken = await tx.query(
					'select 1 from public.local_accounts where lower(email) = lower($1)',
					[email]
				);
				if (taken.length > 0) return null;
				const [profile] = await tx.query<UserRow>(
					`insert into public.profiles (id, display_name, email)
					values (gen_random_uuid(), $1, $2) returning id, email, display_name`,
					[displayName, email]
				);
				await tx.query(
					'insert into public.local_accounts (user_id, email, password_hash) values ($1, $2, $3)',
					[profile.id, email, passwordHash]
				);
				return toUser(profile);
			});
			if (!user) return { ok: false, reason: 'email_taken' };
			await startSession(cookies, user.id);
			return { ok: true, user };
		},

		async signOut(cookies) {
			const token = cookies.get(SESSION_COOKIE);
			if (token)
				await db.query('delete from public.sessions where token_hash = $1', [hashToken(token)]);
			cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	};
}

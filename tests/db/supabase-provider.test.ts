import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supabaseProvider } from '../../src/lib/server/auth/supabase-provider';
import type { AuthProvider } from '../../src/lib/server/auth/provider';
import type { Db } from '../../src/lib/server/db/types';
import { cookieJar } from './cookies';
import { startFakeSupabaseAuth, type FakeSupabaseAuth } from './fake-supabase-auth';
import { drivers, migratedDb } from './harness';

type Jar = ReturnType<typeof cookieJar>;
type StoredSession = { access_token: string; expires_at: number; user: { id: string } };

const password = 'correct horse battery staple';
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

describe.each(drivers)('Supabase sign-in on %s', (driver) => {
	let db: Db;
	let fake: FakeSupabaseAuth;
	let auth: AuthProvider;
	/** supabase-js keeps the session under sb-<first label of the host>-auth-token. */
	let sessionCookie: string;

	beforeAll(async () => {
		[db, fake] = await Promise.all([migratedDb(driver), startFakeSupabaseAuth()]);
		auth = supabaseProvider(db, fake.url, fake.anonKey);
		sessionCookie = `sb-${new URL(fake.url).hostname.split('.')[0]}-auth-token`;
	});
	afterAll(() => Promise.all([db?.close(), fake?.close()]));

	/** Supabase's cookies in the jar: the session, possibly in chunks, and any PKCE verifier. */
	const supabaseCookies = (jar: Jar) => [...jar.jar.keys()].filter((n) => n.startsWith('sb-'));

	/** The session as @supabase/ssr stored it: chunks joined, "base64-" prefix decoded. */
	function storedSession(jar: Jar): StoredSession {
		const chunks = [sessionCookie, ...Array.from({ length: 5 }, (_, i) => `${sessionCookie}.${i}`)];
		const value = chunks.map((name) => jar.get(name) ?? '').join('');
		expect(value).toMatch(/^base64-/);
		return JSON.parse(Buffer.from(value.slice('base64-'.length), 'base64url').toString());
	}

	const copyOf = (jar: Jar) => {
		const copy = cookieJar();
		for (const [name, value] of jar.jar) copy.set(name, value, { path: '/' });
		return copy;
	};

	const profile = async (id: string) =>
		db.query('select id, display_name, email from public.profiles where id = $1', [id]);

	const count = (request: string) => fake.requests.filter((r) => r === request).length;

	it('signs in with the right password, keeps the session in cookies and mirrors a profile', async () => {
		const user = fake.addUser('ana@example.org', password, { display_name: 'Ana' });
		const browser = cookieJar();

		const signedIn = await auth.signIn(browser, 'ana@example.org', password);

		expect(signedIn).toEqual({ id: user.id, email: 'ana@example.org', displayName: 'Ana' });
		expect(fake.requests).toContain('POST /auth/v1/token?grant_type=password');
		expect(supabaseCookies(browser)).toEqual([sessionCookie]);
		const session = storedSession(browser);
		expect(session.access_token).toMatch(JWT);
		expect(session.user.id).toBe(user.id);
		expect(browser.options.get(sessionCookie)).toMatchObject({
			path: '/',
			sameSite: 'lax',
			httpOnly: true,
			maxAge: expect.any(Number)
		});
		expect(await profile(user.id)).toEqual([
			{ id: user.id, display_name: 'Ana', email: 'ana@example.org' }
		]);
	});

	it('refuses a wrong password without setting cookies', async () => {
		fake.addUser('ben@example.org', password);
		const browser = cookieJar();
		expect(await auth.signIn(browser, 'ben@example.org', 'not the password')).toBeNull();
		expect(await auth.signIn(browser, 'nobody@example.org', password)).toBeNull();
		expect(supabaseCookies(browser)).toEqual([]);
	});

	it('asks the Auth server on every request and follows its answer, not the cookie', async () => {
		const user = fake.addUser('cleo@example.org', password, { display_name: 'Cleo' });
		const browser = cookieJar();
		await auth.signIn(browser, 'cleo@example.org', password);
		const before = count('GET /auth/v1/user');

		const expected = { id: user.id, email: 'cleo@example.org', displayName: 'Cleo' };
		expect(await auth.currentUser(browser)).toEqual(expected);
		expect(await auth.currentUser(browser)).toEqual(expected);
		expect(count('GET /auth/v1/user')).toBe(before + 2);

		// The Auth server stops accepting the token; the cookie still holds a well-formed session
		// that is hours from expiry, which getSession() alone would take at its word.
		const session = storedSession(browser);
		fake.revoke(session.access_token);
		expect(session.expires_at * 1000).toBeGreaterThan(Date.now() + 3_000_000);
		expect(await auth.currentUser(browser)).toBeNull();
		expect(count('GET /auth/v1/user')).toBe(before + 3);
		expect(storedSession(browser).access_token).toBe(session.access_token);
		expect(await auth.currentUser(cookieJar())).toBeNull();
	});

	it('refreshes a session about to expire and rewrites its cookies', async () => {
		const user = fake.addUser('dev@example.org', password);
		const browser = cookieJar();
		fake.expiresIn = 30; // inside auth-js's 90-second margin
		try {
			await auth.signIn(browser, 'dev@example.org', password);
		} finally {
			fake.expiresIn = 3600;
		}
		const old = storedSession(browser);

		expect((await auth.currentUser(browser))?.id).toBe(user.id);

		expect(fake.requests).toContain('POST /auth/v1/token?grant_type=refresh_token');
		const renewed = storedSession(browser);
		expect(renewed.access_token).not.toBe(old.access_token);
		expect(renewed.expires_at).toBeGreaterThan(old.expires_at);
	});

	it('registers with Supabase: signed in, waiting for email confirmation, or email taken', async () => {
		const browser = cookieJar();
		const registered = await auth.register(browser, {
			email: 'eve@example.org',
			password,
			displayName: 'Eve'
		});
		expect(registered).toEqual({
			ok: true,
			user: { id: expect.any(String), email: 'eve@example.org', displayName: 'Eve' }
		});
		const id = registered.ok ? registered.user.id : '';
		expect(await profile(id)).toEqual([{ id, display_name: 'Eve', email: 'eve@example.org' }]);
		// signed in, and the PKCE verifier signUp stored is gone again
		expect(supabaseCookies(browser)).toEqual([sessionCookie]);
		expect(await auth.currentUser(browser)).toEqual(registered.ok && registered.user);

		fake.confirmEmail = true;
		try {
			const waiting = cookieJar();
			expect(
				await auth.register(waiting, { email: 'fay@example.org', password, displayName: 'Fay' })
			).toEqual({ ok: false, reason: 'confirm_email' });
			expect(waiting.jar.has(sessionCookie)).toBe(false);
			expect(
				await db.query('select 1 from public.profiles where email = $1', ['fay@example.org'])
			).toEqual([]);
		} finally {
			fake.confirmEmail = false;
		}

		expect(
			await auth.register(cookieJar(), { email: 'eve@example.org', password, displayName: 'E' })
		).toEqual({ ok: false, reason: 'email_taken' });
		// Any other refusal is an error, not a claim that the address has an account.
		await expect(
			auth.register(cookieJar(), { email: 'hal@example.org', password: 'short', displayName: 'H' })
		).rejects.toMatchObject({ status: 422, code: 'weak_password' });
	});

	it('signs out at the Auth server and clears the cookies', async () => {
		fake.addUser('gus@example.org', password);
		const browser = cookieJar();
		await auth.signIn(browser, 'gus@example.org', password);
		const stolen = copyOf(browser);

		await auth.signOut(browser);

		expect(fake.requests.at(-1)).toBe('POST /auth/v1/logout?scope=global');
		expect(supabaseCookies(browser)).toEqual([]);
		expect(await auth.currentUser(browser)).toBeNull();
		// The server ended the session: a copy of the old cookies is refused (403
		// session_not_found) and auth-js clears them.
		expect(await auth.currentUser(stolen)).toBeNull();
		expect(supabaseCookies(stolen)).toEqual([]);
	});
});

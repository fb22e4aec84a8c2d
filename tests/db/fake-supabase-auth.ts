import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for Supabase Auth (GoTrue), enough for supabase-js's signUp,
 * signInWithPassword, getUser, token refresh and signOut. Answers in the shapes auth-js parses
 * (lib/fetch.ts: _sessionResponse, _userResponse, handleError with API version 2024-01-01).
 */
export interface FakeSupabaseAuth {
	/** The project URL to give createServerClient. */
	url: string;
	anonKey: string;
	/** "METHOD /path?query" of every request, in order. */
	requests: string[];
	/** signUp answers with a user and no session, as when email confirmation is on. */
	confirmEmail: boolean;
	/** Lifetime of the access tokens issued from now on. */
	expiresIn: number;
	addUser(email: string, password: string, metadata?: Record<string, unknown>): FakeUser;
	/** From now on /user answers 401 for this access token, though it is well-formed and unexpired. */
	revoke(accessToken: string): void;
	close(): Promise<void>;
}

export interface FakeUser {
	id: string;
	email: string;
	password: string;
	metadata: Record<string, unknown>;
}

const API_VERSION = '2024-01-01';
const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export async function startFakeSupabaseAuth(): Promise<FakeSupabaseAuth> {
	const secret = randomBytes(32);
	const anonKey = 'fake-anon-key';
	const users = new Map<string, FakeUser>(); // by lower-cased email
	const sessions = new Map<string, { userId: string; refreshToken: string }>(); // by session_id
	const revoked = new Set<string>();

	function sign(payload: Record<string, unknown>) {
		const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
		return `${unsigned}.${base64url(createHmac('sha256', secret).update(unsigned).digest())}`;
	}

	/** The claims of a token this server signed, or null. */
	function verify(token: string): Record<string, unknown> | null {
		const [header, payload, signature] = token.split('.');
		const expected = base64url(
			createHmac('sha256', secret).update(`${header}.${payload}`).digest()
		);
		if (!payload || signature !== expected) return null;
		return JSON.parse(Buffer.from(payload, 'base64url').toString());
	}

	function userJson(user: FakeUser) {
		const at = new Date().toISOString();
		return {
			id: user.id,
			aud: 'authenticated',
			role: 'authenticated',
			email: user.email,
			email_confirmed_at: fake.confirmEmail ? null : at,
			phone: '',
			app_metadata: { provider: 'email', providers: ['email'] },
			user_metadata: user.metadata,
			identities: [],
			created_at: at,
			updated_at: at,
			is_anonymous: false
		};
	}

	function issueSession(user: FakeUser, sessionId: string = randomUUID()) {
		const now = Math.floor(Date.now() / 1000);
		const expiresAt = now + fake.expiresIn;
		const refreshToken = randomBytes(12).toString('hex');
		sessions.set(sessionId, { userId: user.id, refreshToken });
		const accessToken = sign({
			iss: `${fake.url}/auth/v1`,
			aud: 'authenticated',
			sub: user.id,
			email: user.email,
			role: 'authenticated',
			session_id: sessionId,
			iat: now,
			exp: expiresAt,
			user_metadata: user.metadata,
			is_anonymous: false
		});
		return {
			access_token: accessToken,
			token_type: 'bearer',
			expires_in: fake.expiresIn,
			expires_at: expiresAt,
			refresh_token: refreshToken,
			user: userJson(user)
		};
	}

	/** The user a bearer token stands for, or the error GoTrue would give. */
	function authenticate(req: IncomingMessage): FakeUser | [number, string] {
		const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
		const claims = verify(token);
		if (!claims || revoked.has(token)) return [401, 'bad_jwt'];
		if (Number(claims.exp) * 1000 < Date.now()) return [401, 'bad_jwt'];
		const session = sessions.get(String(claims.session_id));
		if (!session) return [403, 'session_not_found'];
		return [...users.values()].find((u) => u.id === session.userId) ?? [403, 'user_not_found'];
	}

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', fake.url);
		fake.requests.push(`${req.method} ${url.pathname}${url.search}`);
		const send = (status: number, body?: unknown) => {
			res.writeHead(status, {
				'content-type': 'application/json',
				'x-supabase-api-version': API_VERSION
			});
			res.end(body === undefined ? undefined : JSON.stringify(body));
		};
		const fail = (status: number, code: string, message = code) => send(status, { code, message });
		if (req.headers.apikey !== anonKey) return fail(401, 'no_api_key', 'Invalid API key');
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
		const route = `${req.method} ${url.pathname}`;
		const grant = url.searchParams.get('grant_type');

		if (route === 'POST /auth/v1/signup') {
			const email = String(body.email);
			if (users.has(email.toLowerCase()))
				return fail(422, 'user_already_exists', 'User already registered');
			if (String(body.password).length < 6)
				return fail(422, 'weak_password', 'Password should be at least 6 characters.');
			const user = fake.addUser(email, String(body.password), body.data ?? {});
			// With confirmation on, GoTrue answers with the bare user and no tokens.
			return send(200, fake.confirmEmail ? userJson(user) : issueSession(user));
		}
		if (route === 'POST /auth/v1/token' && grant === 'password') {
			const user = users.get(String(body.email).toLowerCase());
			if (!user || user.password !== body.password)
				return fail(400, 'invalid_credentials', 'Invalid login credentials');
			return send(200, issueSession(user));
		}
		if (route === 'POST /auth/v1/token' && grant === 'refresh_token') {
			const found = [...sessions].find(([, s]) => s.refreshToken === body.refresh_token);
			const user = found && [...users.values()].find((u) => u.id === found[1].userId);
			if (!found || !user) return fail(400, 'refresh_token_not_found', 'Invalid Refresh Token');
			return send(200, issueSession(user, found[0]));
		}
		if (route === 'GET /auth/v1/user') {
			const user = authenticate(req);
			return Array.isArray(user) ? fail(...user) : send(200, userJson(user));
		}
		if (route === 'POST /auth/v1/logout') {
			const user = authenticate(req);
			if (Array.isArray(user)) return fail(...user);
			// scope=global (supabase-js's default) ends every session of the user.
			for (const [id, s] of sessions) if (s.userId === user.id) sessions.delete(id);
			return send(204);
		}
		fail(404, 'not_found', `The fake has no ${route}`);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((error) => {
			res.writeHead(500).end(String(error));
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as AddressInfo;

	const fake: FakeSupabaseAuth = {
		url: `http://127.0.0.1:${port}`,
		anonKey,
		requests: [],
		confirmEmail: false,
		expiresIn: 3600,
		addUser(email, password, metadata = {}) {
			const user = { id: randomUUID(), email, password, metadata };
			users.set(email.toLowerCase(), user);
			return user;
		},
		revoke: (accessToken) => void revoked.add(accessToken),
		async close() {
			server.closeAllConnections();
			server.close();
			await once(server, 'close');
		}
	};
	return fake;
}

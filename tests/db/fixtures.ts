import { withUser } from '../../src/lib/server/db/with-user';
import type { Db, Tx } from '../../src/lib/server/db/types';

/** Two communities, A and B, with one person per role in A, an owner in B, and an outsider. */
export const people = {
	ownerA: '10000000-0000-4000-8000-00000000000a',
	organizerA: '10000000-0000-4000-8000-00000000000b',
	analystA: '10000000-0000-4000-8000-00000000000c',
	volunteerA: '10000000-0000-4000-8000-00000000000d',
	ownerB: '20000000-0000-4000-8000-00000000000a',
	outsider: '30000000-0000-4000-8000-00000000000a'
} as const;

export const communities = {
	A: 'a0000000-0000-4000-8000-000000000000',
	B: 'b0000000-0000-4000-8000-000000000000'
} as const;

/** Set up through the server's own connection (no RLS), as the app's seed does. */
export async function seedTwoCommunities(db: Db) {
	await db.transaction(async (tx) => {
		for (const [name, id] of Object.entries(people)) {
			await tx.query('insert into public.profiles (id, display_name, email) values ($1, $2, $3)', [
				id,
				name,
				`${name}@example.org`
			]);
		}
		await tx.query(
			`insert into public.communities (id, slug, name) values
			($1, 'community-a', '{"en":"A","fr":"A"}'), ($2, 'community-b', '{"en":"B","fr":"B"}')`,
			[communities.A, communities.B]
		);
		const members: [string, string, string][] = [
			[communities.A, people.ownerA, 'owner'],
			[communities.A, people.organizerA, 'organizer'],
			[communities.A, people.analystA, 'analyst'],
			[communities.A, people.volunteerA, 'volunteer'],
			[communities.B, people.ownerB, 'owner']
		];
		for (const row of members) {
			await tx.query(
				'insert into public.memberships (community_id, user_id, role) values ($1, $2, $3)',
				row
			);
		}
		await tx.query(
			`insert into public.local_accounts (user_id, email, password_hash) values ($1, 'ownerA@example.org', 'x')`,
			[people.ownerA]
		);
		await tx.query(
			`insert into public.sessions (token_hash, user_id, expires_at) values ('h', $1, now() + interval '1 day')`,
			[people.ownerA]
		);
		await tx.query(`insert into public.sign_in_attempts (key, succeeded) values ('ip:1', false)`);
	});
}

/** Runs fn as a signed-in person (by id) or, with null, as anon: the app's request path. */
export function as<T>(db: Db, userId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return withUser(db, userId ? { role: 'authenticated', sub: userId } : { role: 'anon' }, fn);
}

/** Runs fn as Supabase's service_role, which bypasses RLS. */
export function asServiceRole<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await tx.exec('set local role service_role');
		return fn(tx);
	});
}

export const DENIED = /permission denied|row-level security|violates row-level/;

import type { Claims, Db, Tx } from './types';

/**
 * Runs fn in one transaction as the person making the request, as PostgREST does: the role
 * switches to anon or authenticated and the JWT claims are set for auth.uid(). Both are local to
 * the transaction, so a pooled connection carries nothing over to the next request.
 */
export function withUser<T>(db: Db, claims: Claims, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		// One round trip for both; set_config('role', …, true) is `set local role`. The role is
		// one of two fixed names, never taken from the request.
		await tx.query(
			`select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`,
			[JSON.stringify(claims), claims.role === 'anon' ? 'anon' : 'authenticated']
		);
		return fn(tx);
	});
}

import type { Claims, Db, Row, Statement, Tx } from './types';

/**
 * The role and JWT claims for the rest of the transaction, as PostgREST sets them: one statement
 * for both; set_config('role', …, true) is `set local role`. The role is one of two fixed names,
 * never taken from the request.
 */
function claimsStatement(claims: Claims): Statement {
	return {
		text: `select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`,
		params: [JSON.stringify(claims), claims.role === 'anon' ? 'anon' : 'authenticated']
	};
}

/**
 * Runs fn in one transaction as the person making the request, as PostgREST does: the role
 * switches to anon or authenticated and the JWT claims are set for auth.uid(). Both are local to
 * the transaction, so a pooled connection carries nothing over to the next request.
 */
export function withUser<T>(db: Db, claims: Claims, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		const { text, params } = claimsStatement(claims);
		await tx.query(text, params);
		return fn(tx);
	});
}

/** Statements sent together (Db.pipeline) as the person making the request; each one's rows. */
export async function withUserPipeline(
	db: Db,
	claims: Claims,
	statements: readonly Statement[]
): Promise<Row[][]> {
	const [, ...results] = await db.pipeline([claimsStatement(claims), ...statements]);
	return results;
}

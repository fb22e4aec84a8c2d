export type Row = Record<string, unknown>;

/** Anything that runs SQL with positional parameters ($1, $2 …) and returns rows. */
export interface Queryable {
	query<T = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
	/** Several statements, no parameters (migrations, seed files). */
	exec(text: string): Promise<void>;
}

/** One statement and its parameters. */
export interface Statement {
	text: string;
	params?: readonly unknown[];
}

/** Inside a transaction. */
export interface Tx extends Queryable {
	/**
	 * Runs fn in a savepoint: if fn throws, its changes are undone and the transaction stays
	 * usable, so a command can turn an expected database refusal into an answer.
	 */
	savepoint<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * One SQL interface over two drivers: embedded PGlite and PostgreSQL (Supabase included).
 * Queries on the handle itself run as the connection's own role, which bypasses RLS: only the
 * server's own work (migrations, sign-in, sessions) uses them. Everything done for a person goes
 * through withUser().
 */
export interface Db extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	/**
	 * Runs statements in order in one transaction, all or nothing, sent together: one message to
	 * PGlite's thread, pipelined on PostgreSQL, so the connection is held for no round trip in
	 * between. For work whose statements need nothing from each other's results. Resolves with
	 * each statement's rows.
	 */
	pipeline(statements: readonly Statement[]): Promise<Row[][]>;
	close(): Promise<void>;
}

/** Claims as PostgREST sets them from a JWT: the role to switch to and, when signed in, the user. */
export type Claims = { role: 'anon' } | { role: 'authenticated'; sub: string; email?: string };

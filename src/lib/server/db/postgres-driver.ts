import postgres from 'postgres';
import type { Db, Queryable, Row, Tx } from './types';

export class DatabaseUnreachable extends Error {}

type Sql = postgres.Sql | postgres.TransactionSql;

function wrap(sql: Sql): Queryable {
	return {
		async query<T>(text: string, params?: readonly unknown[]) {
			const rows = await sql.unsafe(text, (params ?? []) as postgres.ParameterOrJSON<never>[]);
			return rows as unknown as T[];
		},
		async exec(text: string) {
			// No parameters: the simple query protocol, so a file of several statements runs as one.
			await sql.unsafe(text).simple();
		}
	};
}

/**
 * json/jsonb parameters as PGlite takes them: a string is already JSON text, anything else is
 * serialised. (postgres.js alone would JSON-encode a string again, storing a JSON string scalar
 * instead of the object it spells.)
 */
function jsonParameter(oid: number) {
	return {
		to: oid,
		from: [oid],
		serialize: (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)),
		parse: (text: string) => JSON.parse(text) as unknown
	};
}

function inTransaction(sql: postgres.TransactionSql): Tx {
	return {
		...wrap(sql),
		// postgres.js fails the whole transaction on any error unless it ran in sql.savepoint
		savepoint: (fn) => sql.savepoint((inner) => fn(inTransaction(inner))) as ReturnType<typeof fn>
	};
}

/** A URL's host for messages, without the credentials. */
export function describeHost(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
	} catch {
		return '(unparseable DATABASE_URL)';
	}
}

/**
 * PostgreSQL ≥ 15, Supabase included. `prepare: false` and no session state outside a
 * transaction keep it working behind Supabase's transaction pooler (PgBouncer / Supavisor).
 */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Db> {
	const sql = postgres(url, {
		prepare: false,
		max: options.max ?? 10,
		connect_timeout: 10,
		onnotice: () => {},
		types: { json: jsonParameter(114), jsonb: jsonParameter(3802) }
	});
	try {
		await sql`select 1`;
	} catch (error) {
		await sql.end({ timeout: 1 }).catch(() => {});
		const reason = error instanceof Error ? error.message : String(error);
		throw new DatabaseUnreachable(
			`Cannot reach the database at ${describeHost(url)} (DATABASE_URL): ${reason}`
		);
	}
	const self = wrap(sql);
	return {
		kind: 'postgres',
		...self,
		transaction: async (fn) =>
			(await sql.begin((tx) => fn(inTransaction(tx)))) as Awaited<ReturnType<typeof fn>>,
		// An array of queries from begin's callback: postgres.js sends them without waiting.
		pipeline: async (statements) => {
			const results = (await sql.begin((tx) =>
				statements.map(({ text, params }) =>
					tx.unsafe(text, (params ?? []) as postgres.ParameterOrJSON<never>[])
				)
			)) as unknown as Row[][];
			return results.map((rows) => [...rows]);
		},
		close: () => sql.end({ timeout: 5 })
	};
}

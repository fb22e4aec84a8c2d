import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { assertPgliteDirectory } from './pglite-directory';
import { withSavepoints } from './savepoints';
import type { Db, Queryable, Row } from './types';

function wrap(target: PGlite | Transaction): Queryable {
	return {
		async query<T>(text: string, params?: readonly unknown[]) {
			const result = await target.query<T>(text, params as unknown[] | undefined);
			return result.rows;
		},
		async exec(text: string) {
			await target.exec(text);
		}
	};
}

/**
 * PGlite in this thread: tests, benchmarks and tools. The server runs it in a thread of its own
 * (pglite-worker-driver.ts). dataDir undefined means in memory.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
	if (dataDir) assertPgliteDirectory(dataDir);
	const pg = dataDir ? await PGlite.create(join(dataDir)) : await PGlite.create();
	const self = wrap(pg);
	return {
		kind: 'pglite',
		...self,
		// PGlite has one connection; its transaction() holds it exclusively, so concurrent
		// requests queue rather than interleave.
		transaction: (fn) => pg.transaction((tx) => fn(withSavepoints(wrap(tx)))),
		pipeline: (statements) =>
			pg.transaction(async (tx) => {
				const results = [];
				for (const { text, params } of statements)
					results.push((await tx.query<Row>(text, params as unknown[] | undefined)).rows);
				return results;
			}),
		close: () => pg.close()
	};
}

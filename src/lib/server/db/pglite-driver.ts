import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Tx } from './types';

export class NotAPgliteDirectory extends Error {}

/**
 * Refuses a non-empty directory that holds no PostgreSQL data: PGlite would initialise a cluster
 * into it and mix its files with whatever is there.
 */
export function assertPgliteDirectory(dataDir: string): void {
	if (!existsSync(dataDir)) return;
	const entries = readdirSync(dataDir);
	if (entries.length === 0 || entries.includes('PG_VERSION')) return;
	throw new NotAPgliteDirectory(
		`DATA_DIR "${dataDir}" is not empty and is not a PGlite database (no PG_VERSION file). ` +
			'Choose an empty or new directory; nothing in this one was changed.'
	);
}

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

function inTransaction(target: Transaction): Tx {
	let depth = 0;
	const tx: Tx = {
		...wrap(target),
		async savepoint(fn) {
			const name = `sp_${++depth}`;
			await target.exec(`savepoint ${name}`);
			try {
				const result = await fn(tx);
				await target.exec(`release savepoint ${name}`);
				return result;
			} catch (error) {
				await target.exec(`rollback to savepoint ${name}`);
				throw error;
			}
		}
	};
	return tx;
}

/** dataDir undefined means in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Db> {
	if (dataDir) assertPgliteDirectory(dataDir);
	const pg = dataDir ? await PGlite.create(join(dataDir)) : await PGlite.create();
	const self = wrap(pg);
	return {
		kind: 'pglite',
		...self,
		// PGlite has one connection; its transaction() holds it exclusively, so concurrent
		// requests queue rather than interleave.
		transaction: (fn) => pg.transaction((tx) => fn(inTransaction(tx))),
		close: () => pg.close()
	};
}

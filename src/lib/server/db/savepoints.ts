import type { Queryable, Tx } from './types';

/**
 * A transaction's statements (q, already inside BEGIN … COMMIT) with savepoints written as SQL,
 * for drivers whose connection has no savepoint call of its own.
 */
export function withSavepoints(q: Queryable): Tx {
	let depth = 0;
	const tx: Tx = {
		query: (text, params) => q.query(text, params),
		exec: (text) => q.exec(text),
		async savepoint(fn) {
			const name = `sp_${++depth}`;
			await q.exec(`savepoint ${name}`);
			try {
				const result = await fn(tx);
				await q.exec(`release savepoint ${name}`);
				return result;
			} catch (error) {
				await q.exec(`rollback to savepoint ${name}`);
				throw error;
			}
		}
	};
	return tx;
}

// The embedded database's own thread (see pglite-worker-driver.ts, which starts it). Runs as an
// ES module from a data: URL, so it imports nothing but Node's built-ins and PGlite, whose file
// URL the driver passes in: a data: URL has no place of its own to resolve a package from.
//
// Messages in: { id, op: 'query' | 'exec' | 'pipeline' | 'close', text?, params?, statements? },
// answered in order by { id, rows? } or { id, error }. No locking here: the driver sends one
// caller's statements at a time (a transaction's BEGIN … COMMIT included), and PGlite runs them
// in the order received. 'pipeline' is a whole transaction in one message: its statements run
// one after the other here, with no round trip to the server's thread in between.
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ pgliteUrl: string, dataDir?: string }} */
const { pgliteUrl, dataDir } = workerData;
/** @type {typeof import('@electric-sql/pglite')} */
const { PGlite } = await import(pgliteUrl);

/**
 * What a database error carries (SQLSTATE, hint, constraint …), as plain data: an Error's own
 * fields do not survive the copy between threads.
 * @param {unknown} error
 */
function plain(error) {
	if (!(error instanceof Error)) return { message: String(error) };
	/** @type {Record<string, unknown>} */
	const fields = { message: error.message, name: error.name };
	for (const [key, value] of Object.entries(error))
		if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
			fields[key] = value;
	return fields;
}

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

try {
	const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
	/** @param {{ text: string, params?: unknown[] }[]} statements */
	const pipeline = (statements) =>
		pg.transaction(async (tx) => {
			const results = [];
			for (const { text, params } of statements) results.push((await tx.query(text, params)).rows);
			return results;
		});

	/** @typedef {{ id: number, op: string, text?: string, params?: unknown[], statements?: { text: string, params?: unknown[] }[] }} Message */
	port.on('message', async (/** @type {Message} */ message) => {
		const { id, op, text, params } = message;
		try {
			if (op === 'query') {
				const result = await pg.query(/** @type {string} */ (text), params);
				port.postMessage({ id, rows: result.rows });
			} else if (op === 'pipeline') {
				port.postMessage({ id, rows: await pipeline(message.statements ?? []) });
			} else if (op === 'exec') {
				await pg.exec(/** @type {string} */ (text));
				port.postMessage({ id });
			} else if (op === 'close') {
				await pg.close();
				port.postMessage({ id });
				port.close();
			} else throw new Error(`unknown operation ${op}`);
		} catch (error) {
			port.postMessage({ id, error: plain(error) });
		}
	});
	port.postMessage({ ready: true });
} catch (error) {
	port.postMessage({ ready: false, error: plain(error) });
}

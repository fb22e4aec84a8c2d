import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { assertPgliteDirectory } from './pglite-directory';
import threadSource from './pglite-thread.js?raw';
import { withSavepoints } from './savepoints';
import type { Db, Queryable, Row, Statement } from './types';

/** The embedded database's thread stopped: nothing more can be read or written until a restart. */
export class EmbeddedDatabaseStopped extends Error {}

type Reply = { id: number; rows?: unknown[]; error?: Record<string, unknown> };

/** A database error as thrown in PGlite's thread: same message, SQLSTATE, hint, constraint … */
function revive(fields: Record<string, unknown>): Error {
	return Object.assign(new Error(String(fields.message)), fields);
}

/**
 * Embedded PGlite in a thread of its own, for the server. PGlite runs Postgres in WebAssembly on
 * the thread that calls it: in the server's thread, every statement held up the requests around
 * it, and measured under load three quarters of the server's time went to the database. In a
 * worker thread, the database and the web requests use a core each.
 *
 * The same Db as openPglite. PGlite has one connection, so one caller at a time has it: a
 * transaction from its BEGIN to its COMMIT or ROLLBACK, or a statement outside one; the others
 * wait their turn in order. Statements travel as messages (values copied, so dates, JSON and
 * byte arrays arrive as they left); errors come back with their SQLSTATE and hint.
 *
 * If the thread stops (a crash inside PGlite), every waiting and later call rejects with
 * EmbeddedDatabaseStopped and onStopped is called once, so the server can stop too rather than
 * answer every request with an error.
 */
export async function openPgliteInWorker(
	dataDir?: string,
	{
		onStopped = () => {},
		source = threadSource
	}: {
		onStopped?: (error: EmbeddedDatabaseStopped) => void;
		/** the thread's module (tests give one that fails) */
		source?: string;
	} = {}
): Promise<Db> {
	if (dataDir) assertPgliteDirectory(dataDir);
	const pgliteUrl = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
	const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), {
		workerData: { pgliteUrl: pgliteUrl.href, dataDir: dataDir ? join(dataDir) : undefined }
	});

	const waiting = new Map<
		number,
		{ resolve: (reply: Reply) => void; reject: (e: Error) => void }
	>();
	let nextId = 0;
	let stopped: EmbeddedDatabaseStopped | undefined;
	let closing = false;

	await new Promise<void>((resolve, reject) => {
		worker.once('message', (message: { ready: boolean; error?: Record<string, unknown> }) =>
			message.ready ? resolve() : reject(revive(message.error ?? {}))
		);
		worker.once('error', reject);
	});

	worker.on('message', (reply: Reply) => {
		const call = waiting.get(reply.id);
		if (!call) return;
		waiting.delete(reply.id);
		call.resolve(reply);
	});
	const stop = (reason: string) => {
		if (stopped) return;
		stopped = new EmbeddedDatabaseStopped(`The embedded database stopped: ${reason}`);
		for (const call of waiting.values()) call.reject(stopped);
		waiting.clear();
		if (!closing) onStopped(stopped);
	};
	worker.on('error', (error) => stop(error.message));
	worker.on('exit', (code) => stop(`its thread exited (code ${code})`));

	async function send(
		op: 'query' | 'exec' | 'pipeline' | 'close',
		message: { text?: string; params?: readonly unknown[]; statements?: readonly Statement[] } = {}
	) {
		if (stopped) throw stopped;
		const id = nextId++;
		const reply = await new Promise<Reply>((resolve, reject) => {
			waiting.set(id, { resolve, reject });
			worker.postMessage({ id, op, ...message });
		});
		if (reply.error) throw revive(reply.error);
		return reply.rows ?? [];
	}

	const connection: Queryable = {
		query: async <T>(text: string, params?: readonly unknown[]) =>
			(await send('query', { text, params })) as T[],
		exec: async (text: string) => {
			await send('exec', { text });
		}
	};

	/** Each caller's turn on the one connection, in the order they asked. */
	let turn: Promise<unknown> = Promise.resolve();
	function inTurn<T>(work: () => Promise<T>): Promise<T> {
		const mine = turn.then(work, work);
		turn = mine.catch(() => {});
		return mine;
	}

	return {
		kind: 'pglite',
		query: (text, params) => inTurn(() => connection.query(text, params)),
		exec: (text) => inTurn(() => connection.exec(text)),
		transaction: (fn) =>
			inTurn(async () => {
				await connection.exec('begin');
				try {
					const result = await fn(withSavepoints(connection));
					await connection.exec('commit');
					return result;
				} catch (error) {
					// a failed rollback must not hide why the transaction failed
					if (!stopped) await connection.exec('rollback').catch(() => {});
					throw error;
				}
			}),
		pipeline: (statements) =>
			inTurn(async () => (await send('pipeline', { statements })) as Row[][]),
		close: () =>
			inTurn(async () => {
				if (stopped) return;
				closing = true;
				await send('close');
				await worker.terminate();
			})
	};
}

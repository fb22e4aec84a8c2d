import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotAPgliteDirectory } from '../../src/lib/server/db/pglite-directory';
import { openPglite } from '../../src/lib/server/db/pglite-driver';
import { emptyDb } from './harness';
import {
	EmbeddedDatabaseStopped,
	openPgliteInWorker
} from '../../src/lib/server/db/pglite-worker-driver';
import type { Db } from '../../src/lib/server/db/types';

// The server's embedded database runs in a thread of its own (pglite-worker-driver.ts). It must
// behave as PGlite in the same thread does: same rows, same errors, transactions that commit,
// roll back and never interleave.

const scratch = mkdtempSync(join(tmpdir(), 'cg-pglite-worker-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TYPES = `select 1 as int, 9007199254740993::bigint as big, 1.50::numeric as num, 'é\u00a0t' as text,
	true as yes, null::text as nothing, '{"a": [1, "b"]}'::jsonb as json, '{1,2}'::int[] as ints,
	'00000000-0000-4000-8000-000000000001'::uuid as id, '2026-11-23T10:00:00Z'::timestamptz as at,
	'2026-11-23'::date as day, '\\x00ff'::bytea as bytes, $1::text as param, $2::jsonb as json_param`;
const PARAMS = ['l’été', JSON.stringify({ fr: 'Vanier ensemble' })];

describe('PGlite in its own thread', () => {
	let db: Db;
	let same: Db;

	beforeAll(async () => {
		db = await openPgliteInWorker();
		same = await openPglite();
		await db.exec(
			"create table items (id int primary key, label text not null check (label <> ''))"
		);
	});
	afterAll(async () => {
		await db.close();
		await same.close();
	});

	it('gives the very rows PGlite in this thread gives, types included', async () => {
		const [row] = await db.query(TYPES, PARAMS);
		expect(row).toEqual((await same.query(TYPES, PARAMS))[0]);
		expect(row.at).toBeInstanceOf(Date);
		expect(row.bytes).toBeInstanceOf(Uint8Array);
		expect(row.json_param).toEqual({ fr: 'Vanier ensemble' });
	});

	it('throws database errors with their SQLSTATE, constraint and message', async () => {
		await db.query('insert into items values (1, $1)', ['one']);
		const error = await db.query('insert into items values (1, $1)', ['again']).catch((e) => e);
		expect(error).toBeInstanceOf(Error);
		expect(error).toMatchObject({ code: '23505', constraint: 'items_pkey' });
		expect(error.message).toMatch(/duplicate key/);
		const raised = await db
			.query(
				`do $$ begin raise exception 'closed' using errcode = 'P0001', hint = 'closed'; end $$`
			)
			.catch((e) => e);
		expect(raised).toMatchObject({ code: 'P0001', hint: 'closed', message: 'closed' });
	});

	it('commits a transaction, and keeps nothing of one that fails', async () => {
		await db.transaction((tx) => tx.query('insert into items values (2, $1)', ['two']));
		await expect(
			db.transaction(async (tx) => {
				await tx.query('insert into items values (3, $1)', ['three']);
				await tx.query('insert into items values (4, $1)', ['']); // check fails
			})
		).rejects.toMatchObject({ code: '23514' });
		const ids = await db.query<{ id: number }>('select id from items order by id');
		expect(ids.map((r) => r.id)).toEqual([1, 2]);
	});

	it('undoes a failed savepoint and goes on with the transaction', async () => {
		await db.transaction(async (tx) => {
			await expect(
				tx.savepoint((inner) => inner.query('insert into items values (1, $1)', ['dup']))
			).rejects.toMatchObject({ code: '23505' });
			await tx.query('insert into items values (5, $1)', ['five']);
		});
		expect(await db.query('select label from items where id = 5')).toEqual([{ label: 'five' }]);
	});

	it('runs callers one at a time: a transaction never sees another one half done', async () => {
		const seen: number[] = [];
		const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
		const writer = (base: number) =>
			db.transaction(async (tx) => {
				for (let i = 0; i < 3; i++) {
					await tx.query('insert into items values ($1, $2)', [base + i, `n${base + i}`]);
					await pause();
				}
				const [{ n }] = await tx.query<{ n: number }>(
					'select count(*)::int as n from items where id >= 100'
				);
				seen.push(n);
			});
		const first = writer(100);
		const second = writer(200);
		const outside = db
			.query<{ n: number }>('select count(*)::int as n from items where id >= 100')
			.then(([{ n }]) => seen.push(n));
		await Promise.all([first, second, outside]);
		// in the order asked: the first writer alone, the second on top, then the statement
		expect(seen).toEqual([3, 6, 6]);
	});

	it('keeps what it wrote in its data directory, and refuses a directory of other files', async () => {
		const dataDir = join(scratch, 'data');
		const first = await openPgliteInWorker(dataDir);
		await first.exec('create table kept (word text)');
		await first.query('insert into kept values ($1)', ['durable']);
		await first.close();
		const again = await openPgliteInWorker(dataDir);
		expect(await again.query('select word from kept')).toEqual([{ word: 'durable' }]);
		await again.close();
		await expect(again.query('select 1')).rejects.toThrow(/stopped/);

		const documents = join(scratch, 'documents');
		mkdirSync(documents);
		writeFileSync(join(documents, 'notes.txt'), 'precious');
		await expect(openPgliteInWorker(documents)).rejects.toThrow(NotAPgliteDirectory);
	});
});

describe('when PGlite’s thread stops', () => {
	it('rejects what was waiting and what comes after, and says so once', async () => {
		// a thread that starts, then dies on its first message, as a crash inside PGlite would
		const source = `import { parentPort } from 'node:worker_threads';
			parentPort.postMessage({ ready: true });
			parentPort.on('message', () => process.exit(3));`;
		const stops: string[] = [];
		const db = await openPgliteInWorker(undefined, {
			source,
			onStopped: (error) => stops.push(error.message)
		});
		await expect(db.query('select 1')).rejects.toThrow(EmbeddedDatabaseStopped);
		await expect(db.transaction((tx) => tx.query('select 1'))).rejects.toThrow(/stopped/);
		expect(stops).toEqual(['The embedded database stopped: its thread exited (code 3)']);
		await db.close();
	});
});

const opened: Record<string, () => Promise<Db>> = {
	pglite: () => emptyDb('pglite'),
	postgres: () => emptyDb('postgres'),
	'PGlite in its own thread': () => openPgliteInWorker()
};

describe.each(Object.keys(opened))('statements sent together (pipeline) on %s', (name) => {
	let db: Db;
	beforeAll(async () => {
		db = await opened[name]();
		await db.exec('create table notes (id int primary key, body text not null)');
	});
	afterAll(() => db.close());

	it('runs them in order in one transaction and gives each one’s rows', async () => {
		const results = await db.pipeline([
			{ text: 'insert into notes values ($1, $2)', params: [1, 'first'] },
			{ text: `select set_config('app.step', 'two', true) as step` },
			{ text: `select body, current_setting('app.step') as step from notes` }
		]);
		expect(results).toEqual([[], [{ step: 'two' }], [{ body: 'first', step: 'two' }]]);
		// local to the transaction: gone after it
		expect(await db.query(`select current_setting('app.step', true) as step`)).toEqual([
			{ step: '' }
		]);
	});

	it('keeps nothing when one of them fails', async () => {
		await expect(
			db.pipeline([
				{ text: 'insert into notes values ($1, $2)', params: [2, 'second'] },
				{ text: 'insert into notes values ($1, $2)', params: [1, 'taken'] }
			])
		).rejects.toMatchObject({ code: '23505' });
		expect(await db.query('select id from notes order by id')).toEqual([{ id: 1 }]);
	});
});

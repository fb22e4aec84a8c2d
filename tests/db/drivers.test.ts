import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/types';
import { drivers, emptyDb } from './harness';

describe.each(drivers)('the %s driver', (driver) => {
	let db: Db;
	beforeAll(async () => {
		db = await emptyDb(driver);
		await db.exec('create table t (id int primary key, doc jsonb, at timestamptz default now())');
	});
	afterAll(() => db.close());

	it('stores a jsonb parameter given as JSON text or as an object the same way', async () => {
		await db.query('insert into t (id, doc) values (1, $1::jsonb)', [
			JSON.stringify({ en: 'a', fr: 'b' })
		]);
		await db.query('insert into t (id, doc) values (2, $1)', [{ en: 'a', fr: 'b' }]);
		const rows = await db.query<{ doc: unknown; kind: string }>(
			'select doc, jsonb_typeof(doc) as kind from t order by id'
		);
		expect(rows).toEqual([
			{ doc: { en: 'a', fr: 'b' }, kind: 'object' },
			{ doc: { en: 'a', fr: 'b' }, kind: 'object' }
		]);
	});

	it('returns timestamps as Date and integers as numbers', async () => {
		const [row] = await db.query<{ at: unknown; n: unknown }>(
			'select at, count(*)::int as n from t group by at limit 1'
		);
		expect(row.at).toBeInstanceOf(Date);
		expect(row.n).toBeTypeOf('number');
	});

	it('rolls a savepoint back without losing the transaction', async () => {
		await db.transaction(async (tx) => {
			await tx.query('insert into t (id) values (3)');
			await expect(
				tx.savepoint((sp) => sp.query('insert into t (id) values (3)'))
			).rejects.toThrow();
			await tx.query('insert into t (id) values (4)');
		});
		expect(await db.query('select id from t where id in (3, 4) order by id')).toEqual([
			{ id: 3 },
			{ id: 4 }
		]);
	});
});

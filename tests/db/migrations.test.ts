import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledMigrations, migrate } from '../../src/lib/server/db/migrate';
import type { Db } from '../../src/lib/server/db/types';
import { drivers, emptyDb } from './harness';

describe.each(drivers)('migrations on %s', (driver) => {
	let db: Db;
	beforeAll(async () => {
		db = await emptyDb(driver);
	});
	afterAll(() => db.close());

	it('apply cleanly to an empty database, then a second run applies nothing', async () => {
		const first = await migrate(db);
		expect(first).toEqual(bundledMigrations.map((m) => m.version));
		expect(await migrate(db)).toEqual([]);
		const history = await db.query<{ version: string }>(
			'select version from supabase_migrations.schema_migrations order by version'
		);
		expect(history.map((row) => row.version)).toEqual(first);
	});

	it('bootstrap is a no-op where Supabase has already created roles and auth.uid()', async () => {
		// Running the bootstrap file again is what `supabase db push` does on a real project,
		// where the roles and the auth schema exist.
		await db.exec(bundledMigrations[0].sql);
		const roles = await db.query<{ rolname: string }>(
			`select rolname from pg_roles where rolname in ('anon', 'authenticated', 'service_role') order by 1`
		);
		expect(roles.map((r) => r.rolname)).toEqual(['anon', 'authenticated', 'service_role']);
	});

	it('enables row-level security on every table of the public schema', async () => {
		const tables = await db.query<{ name: string; rls: boolean }>(
			`select c.relname as name, c.relrowsecurity as rls from pg_class c
			join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind = 'r' order by 1`
		);
		expect(tables.length).toBeGreaterThan(5);
		expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
	});

	it('makes every security definer function pin its search_path', async () => {
		const loose = await db.query<{ name: string }>(
			`select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			where n.nspname = 'public' and p.prosecdef
				and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`
		);
		expect(loose).toEqual([]);
	});

	it('reads auth.uid() from the request claims, as Supabase does', async () => {
		const uid = await db.transaction(async (tx) => {
			await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
				JSON.stringify({ sub: '10000000-0000-4000-8000-000000000001', role: 'authenticated' })
			]);
			const [row] = await tx.query<{ uid: string }>('select auth.uid() as uid');
			return row.uid;
		});
		expect(uid).toBe('10000000-0000-4000-8000-000000000001');
	});
});

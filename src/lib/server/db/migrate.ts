import type { Db } from './types';

export interface Migration {
	version: string;
	name: string;
	sql: string;
}

/** Supabase CLI names: <timestamp>_<name>.sql */
export function parseMigrations(files: Record<string, string>): Migration[] {
	return Object.entries(files)
		.map(([path, sql]) => {
			const file = path.split('/').pop() ?? path;
			const match = /^(\d+)_(.+)\.sql$/.exec(file);
			if (!match) throw new Error(`Migration file name must be <timestamp>_<name>.sql: ${file}`);
			return { version: match[1], name: match[2], sql };
		})
		.sort((a, b) => a.version.localeCompare(b.version));
}

/** Bundled into the server build, so a deployment needs no files beside it. */
export const bundledMigrations = parseMigrations(
	import.meta.glob('/supabase/migrations/*.sql', { query: '?raw', import: 'default', eager: true })
);

// Same table the Supabase CLI keeps, so a database deployed with `supabase db push` is seen as
// migrated here, and the reverse.
const HISTORY = `
	create schema if not exists supabase_migrations;
	create table if not exists supabase_migrations.schema_migrations (
		version text primary key,
		statements text[],
		name text
	);`;

/** Applies pending migrations, each in its own transaction. Returns the versions applied. */
export async function migrate(db: Db, migrations = bundledMigrations): Promise<string[]> {
	await db.exec(HISTORY);
	const applied: string[] = [];
	for (const migration of migrations) {
		const ran = await db.transaction(async (tx) => {
			// Two instances starting at once on Postgres: the second waits, then sees it applied.
			await tx.query('select pg_advisory_xact_lock(7426001)');
			const done = await tx.query(
				'select 1 from supabase_migrations.schema_migrations where version = $1',
				[migration.version]
			);
			if (done.length > 0) return false;
			await tx.exec(migration.sql);
			await tx.query(
				'insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)',
				[migration.version, migration.name]
			);
			return true;
		});
		if (ran) applied.push(migration.version);
	}
	return applied;
}

import type { Config } from '../config';
import { bundledMigrations, migrate } from './migrate';
import { openPgliteInWorker } from './pglite-worker-driver';
import { openPostgres } from './postgres-driver';
import { seedDemo } from './seed-demo';
import type { Db } from './types';

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else embedded PGlite in
 * DATA_DIR), applies pending migrations, and seeds the demo community into a database that was
 * empty before this start. Should the embedded database's thread stop, the process stops too
 * (exit code 1) for its service manager to start it again: nothing can be saved meanwhile, and
 * every acknowledged submission is already on disk.
 */
export async function openDatabase(config: Config, log: (line: string) => void = console.log) {
	const db: Db = config.DATABASE_URL
		? await openPostgres(config.DATABASE_URL, { max: config.DATABASE_POOL_SIZE })
		: await openPgliteInWorker(config.DATA_DIR, {
				onStopped: (stopped) => {
					log(`${stopped.message}. The server stops.`);
					process.exit(1);
				}
			});
	const applied = await migrate(db);
	// the first migration ran now: the database was empty before this start
	const fresh = applied.includes(bundledMigrations[0].version);
	if (fresh && config.SEED_DEMO) {
		const demo = await seedDemo(db, config.DEMO_ORGANIZER_PASSWORD);
		log(
			`Demo community seeded. Sign in as ${demo.email} with password ${demo.password}` +
				' (shown once).'
		);
	}
	return db;
}

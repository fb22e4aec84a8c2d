import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { migrate } from '../../src/lib/server/db/migrate';
import { openPglite } from '../../src/lib/server/db/pglite-driver';
import { openPostgres } from '../../src/lib/server/db/postgres-driver';
import type { Db } from '../../src/lib/server/db/types';

export const drivers = ['pglite', 'postgres'] as const;
export type Driver = (typeof drivers)[number];

/** The URL of a new, empty database in the test cluster. */
export async function newPostgresDatabase(): Promise<string> {
	const adminUrl = inject('postgresUrl');
	const admin = await openPostgres(adminUrl, { max: 1 });
	const name = `test_${randomBytes(6).toString('hex')}`;
	await admin.exec(`create database ${name}`);
	await admin.close();
	return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** A database nobody else uses: PGlite in memory, or a new database in the test cluster. */
export async function emptyDb(driver: Driver): Promise<Db> {
	if (driver === 'pglite') return openPglite();
	return openPostgres(await newPostgresDatabase(), { max: 4 });
}

export async function migratedDb(driver: Driver): Promise<Db> {
	const db = await emptyDb(driver);
	await migrate(db);
	return db;
}

import { existsSync, readdirSync } from 'node:fs';

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

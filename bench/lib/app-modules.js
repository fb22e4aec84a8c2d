import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { root } from '../../scripts/build-if-stale.js';

/**
 * The app's TypeScript modules, loaded through Vite as the server loads them: the migrations,
 * both database drivers and withUser, plus `extra` (name → module path from the repository root).
 * @param {Record<string, string>} extra
 * @returns {Promise<{ modules: Record<string, any>, close: () => Promise<void> }>}
 */
export async function loadAppModules(extra = {}) {
	const vite = await createServer({
		root,
		configFile: join(root, 'vite.config.ts'),
		server: { middlewareMode: true, hmr: false, watch: null },
		appType: 'custom',
		logLevel: 'error'
	});
	const load = (/** @type {string} */ path) => vite.ssrLoadModule(path);
	/** @type {Record<string, any>} */
	const modules = {
		migrate: await load('/src/lib/server/db/migrate.ts'),
		pglite: await load('/src/lib/server/db/pglite-driver.ts'),
		postgres: await load('/src/lib/server/db/postgres-driver.ts'),
		withUser: await load('/src/lib/server/db/with-user.ts')
	};
	for (const [name, path] of Object.entries(extra)) modules[name] = await load(path);
	return { modules, close: () => vite.close() };
}

/**
 * Migrates `db`, loads the demo seed (supabase/seed.sql) and makes `owner` a profile and the owner
 * of `community`, as every benchmark that reads through row-level security starts.
 * @param {any} m modules from loadAppModules
 * @param {any} db
 * @param {string} community
 * @param {string} owner
 */
export async function migrateWithOwner(m, db, community, owner) {
	await m.migrate.migrate(db);
	await db.exec(readFileSync(join(root, 'supabase/seed.sql'), 'utf8'));
	await db.query(
		`insert into public.profiles (id, display_name, email) values ($1, 'Bench owner', 'owner@bench.example')`,
		[owner]
	);
	await db.query(
		`insert into public.memberships (community_id, user_id, role) values ($1, $2, 'owner')`,
		[community, owner]
	);
}

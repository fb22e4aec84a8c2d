// Builds the app (`vite build`) when build/ is missing or older than the sources. Shared by
// `npm start` and `npm run bench`, so both agree on what "stale" means.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

const SOURCES = [
	'src',
	'static',
	'supabase',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts'
];

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

export function buildIsStale() {
	const built = join(root, 'build/index.js');
	if (!existsSync(built)) return true;
	return statSync(built).mtimeMs < Math.max(...SOURCES.map((source) => newest(join(root, source))));
}

/**
 * Returns the build's exit status: 0 when it succeeded or was not needed. `output` is where the
 * build's messages go (a file descriptor or 'inherit').
 */
export function buildIfStale({ log = console.log, output = 'inherit' } = {}) {
	if (!buildIsStale()) return 0;
	log('Building Common Ground…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: ['inherit', output, output]
	});
	return result.status ?? 1;
}

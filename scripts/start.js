// `npm start`: builds the app when the build is missing or older than the sources, then serves
// it with the Node adapter on PORT (default 3000).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

const built = 'build/index.js';
if (!existsSync(built) || statSync(built).mtimeMs < Math.max(...SOURCES.map(newest))) {
	console.log('Building Common Ground…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

// The adapter compares form posts' Origin header with ORIGIN (CSRF protection); without it the
// adapter assumes https. Locally the platform answers on plain http: say so unless told otherwise.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT ?? 3000}`;

await import('../build/index.js');

// startup.cold_ms / startup.warm_ms: `npm start` (node scripts/start.js) until /en answers 200,
// on an empty DATA_DIR (migrations + demo seed) and again on the DATA_DIR that run left.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, round } from './lib/report.js';
import { freePort, startServer, waitFor200 } from './lib/server.js';

const BUILDING = 'Building Common Ground…';

/**
 * One start: spawn, wait for /en to answer 200, stop. Returns { ms, listening_ms }, or null when
 * start.js had to build first.
 */
async function timeStart(dataDir, seedDemo) {
	const port = await freePort();
	const server = startServer({
		port,
		// DATABASE_URL unset: this measures the embedded PGlite start.
		env: { DATA_DIR: dataDir, SEED_DEMO: seedDemo, DATABASE_URL: '' }
	});
	try {
		const answeredAt = await waitFor200(server, `http://127.0.0.1:${port}/en`);
		// Sources changed since the build (someone is editing): the build was timed too. Discard.
		if (server.output().includes(BUILDING)) return null;
		const listeningAt = server.listeningAt();
		return {
			ms: answeredAt - server.startedAt,
			listening_ms: listeningAt === undefined ? null : listeningAt - server.startedAt
		};
	} finally {
		await server.stop();
	}
}

async function retried(what, attempt, log) {
	for (let tries = 0; tries < 3; tries++) {
		const timing = await attempt();
		if (timing !== null) return timing;
		log(`  ${what}: the server rebuilt the app first; run discarded, trying again`);
	}
	throw new Error(`${what}: the sources keep changing; every start rebuilt the app`);
}

export const startup = {
	key: 'startup',
	figures: { cold_ms: null, warm_ms: null },
	budgets: { cold_ms: { lt: 8000 }, warm_ms: { lt: 2000 } },

	async run({ quick, log }) {
		const runs = quick ? 1 : 3;
		const seedDemo = process.env.SEED_DEMO ?? 'true';
		const dirs = [];
		const freshDir = () => {
			const dir = mkdtempSync(join(tmpdir(), 'common-ground-bench-'));
			dirs.push(dir);
			return dir;
		};
		try {
			// The first start after a build pays for loading the build and PGlite's WebAssembly
			// from disk into the page cache; it is reported but not counted.
			const first = await retried('first start', () => timeStart(freshDir(), seedDemo), log);
			log(`  first start (not counted): ${round(first.ms)} ms`);
			const cold = [];
			const warm = [];
			for (let i = 0; i < runs; i++) {
				const dir = freshDir();
				cold.push(await retried('cold start', () => timeStart(dir, seedDemo), log));
				warm.push(await retried('warm start', () => timeStart(dir, seedDemo), log));
				log(`  run ${i + 1}/${runs}: cold ${round(cold[i].ms)} ms, warm ${round(warm[i].ms)} ms`);
			}
			const all = (timings, key) => timings.map((t) => (t[key] === null ? null : round(t[key])));
			return {
				cold_ms: round(median(cold.map((t) => t.ms))),
				warm_ms: round(median(warm.map((t) => t.ms))),
				runs: {
					cold_ms: all(cold, 'ms'),
					warm_ms: all(warm, 'ms'),
					// spawn until the server logged "Listening on" (the rest is the first /en render)
					cold_listening_ms: all(cold, 'listening_ms'),
					warm_listening_ms: all(warm, 'listening_ms')
				},
				first_start_ms: round(first.ms),
				setup: {
					command: 'node scripts/start.js',
					database: 'pglite',
					seed_demo: !['false', '0'].includes(seedDemo),
					statistic: `median of ${runs}`
				}
			};
		} finally {
			for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
		}
	}
};

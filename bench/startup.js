// startup.cold_ms / startup.warm_ms: `npm start` (node scripts/start.js) until /en answers 200,
// on an empty DATA_DIR (migrations + demo seed) and again on the DATA_DIR that run left.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../scripts/build-if-stale.js';
import { median, round } from './lib/report.js';
import { freePort, removeTempDirs, startServer, tempDir, waitFor200 } from './lib/server.js';

const BUILDING = 'Building Common Ground…';
const buildStamp = () => statSync(join(root, 'build/index.js'), { throwIfNoEntry: false })?.mtimeMs;

/**
 * One start: spawn, wait for /en to answer 200, stop. Returns { ms, listening_ms }, or null when
 * the build changed around it: start.js rebuilt first because sources changed since the build
 * (the build was timed), or something rebuilt build/ under the running server.
 */
async function timeStart(dataDir, seedDemo) {
	const port = await freePort();
	const stamp = buildStamp();
	const server = startServer({
		port,
		// DATABASE_URL unset: this measures the embedded PGlite start.
		env: { DATA_DIR: dataDir, SEED_DEMO: seedDemo, DATABASE_URL: '' }
	});
	try {
		let answeredAt;
		try {
			answeredAt = await waitFor200(server, `http://127.0.0.1:${port}/en`);
		} catch (error) {
			if (buildStamp() !== stamp) return null;
			throw error;
		}
		if (server.output().includes(BUILDING) || buildStamp() !== stamp) return null;
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
		log(`  ${what}: the build changed during the run; run discarded, trying again`);
	}
	throw new Error(`${what}: the sources keep changing; the build changed during every run`);
}

export const startup = {
	key: 'startup',
	figures: { cold_ms: null, warm_ms: null },
	budgets: { cold_ms: { lt: 8000 }, warm_ms: { lt: 2000 } },

	async run({ quick, log }) {
		const runs = quick ? 1 : 3;
		const seedDemo = process.env.SEED_DEMO ?? 'true';
		try {
			// The first start after a build pays for loading the build and PGlite's WebAssembly
			// from disk into the page cache; it is reported but not counted.
			const first = await retried('first start', () => timeStart(tempDir(), seedDemo), log);
			log(`  first start (not counted): ${round(first.ms)} ms`);
			const cold = [];
			const warm = [];
			for (let i = 0; i < runs; i++) {
				let dir; // each cold attempt on a new empty directory; the warm one on the last
				cold.push(await retried('cold start', () => timeStart((dir = tempDir()), seedDemo), log));
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
			removeTempDirs();
		}
	}
};

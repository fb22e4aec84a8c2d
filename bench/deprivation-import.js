// deprivation_import: choosing where to work with a deprivation file the size of the whole-Canada
// CIMD (about 55,000 dissemination areas). The file is generated: real column names and DAUID
// shape, SCORES MADE UP by a seeded generator, no quintile columns (so quintiles are computed, the
// slower path). Figures: reading it with the function the import page runs
// (src/lib/domain/selection/deprivation.ts), papaparse alone on the same text as the reference,
// and storing all areas in one import on embedded PGlite as a signed-in person (RLS applies).
import { join } from 'node:path';
import Papa from 'papaparse';
import { createServer } from 'vite';
import { root } from '../scripts/build-if-stale.js';
import { seededRandom } from './lib/demo-response.js';
import { median, round } from './lib/report.js';

const HEADER =
	'DAUID,Residential instability Scores,Ethno-cultural composition Scores,Economic dependency Scores,Situational vulnerability Scores';
const PERSON = '40000000-0000-4000-8000-0000000000b1';

function generate(/** @type {number} */ n) {
	const random = seededRandom(55);
	const score = () => round(random() * 4 - 1.5, 3);
	const lines = [HEADER];
	for (let i = 0; i < n; i++)
		lines.push(`${12000000 + i},${score()},${score()},${score()},${score()}`);
	return lines.join('\n') + '\n';
}

export const deprivationImport = {
	key: 'deprivation_import',
	figures: {
		areas: null,
		read_ms: null,
		papaparse_only_ms: null,
		ratio: null,
		store_pglite_ms: null
	},
	budgets: {},
	async run({ quick, log }) {
		const vite = await createServer({
			root,
			configFile: join(root, 'vite.config.ts'),
			server: { middlewareMode: true, hmr: false, watch: null },
			appType: 'custom',
			logLevel: 'error'
		});
		try {
			const load = (/** @type {string} */ path) => vite.ssrLoadModule(path);
			const { readDeprivationFile } = await load('/src/lib/domain/selection/deprivation.ts');
			const { importDeprivationFile } = await load(
				'/src/lib/server/selection/import-deprivation-file.ts'
			);
			const { migrate } = await load('/src/lib/server/db/migrate.ts');
			const { openPglite } = await load('/src/lib/server/db/pglite-driver.ts');
			const { withUser } = await load('/src/lib/server/db/with-user.ts');

			const areas = quick ? 10_000 : 55_000;
			const text = generate(areas);
			log(`  ${areas} areas, ${round(text.length / 2 ** 20, 1)} MB`);
			const runs = quick ? 1 : 3;
			const readTimes = [];
			const papaTimes = [];
			let reading;
			for (let r = 0; r < runs; r++) {
				let started = performance.now();
				reading = readDeprivationFile(text);
				readTimes.push(performance.now() - started);
				if (!reading.ok || reading.areas.length !== areas)
					throw new Error('the generated file did not read');
				started = performance.now();
				Papa.parse(text, { skipEmptyLines: 'greedy' });
				papaTimes.push(performance.now() - started);
			}

			const db = await openPglite();
			let storeMs;
			try {
				await migrate(db);
				await db.query(
					`insert into public.profiles (id, display_name, email) values ($1, 'Bench', 'bench@bench.example')`,
					[PERSON]
				);
				const started = performance.now();
				await withUser(db, { role: 'authenticated', sub: PERSON }, (/** @type {any} */ tx) =>
					importDeprivationFile(tx, { fileName: 'bench.csv', ...reading })
				);
				storeMs = performance.now() - started;
			} finally {
				await db.close();
			}
			const readMs = median(readTimes);
			const papaMs = median(papaTimes);
			log(
				`  read ${round(readMs)} ms (papaparse alone ${round(papaMs)} ms); stored in ${round(storeMs)} ms`
			);
			return {
				areas,
				read_ms: round(readMs),
				papaparse_only_ms: round(papaMs),
				ratio: round(papaMs / readMs, 2),
				store_pglite_ms: round(storeMs),
				runs
			};
		} finally {
			await vite.close();
		}
	}
};

// census_import: reading a Census Profile the size of a real regional download with the same
// function the import page runs in the browser and on the server
// (src/lib/domain/representation/read-census-profile.ts). The file is generated: the real
// 2021 header, 2,631 characteristics per geography as in the real files (the mapped ones with
// their real IDs and names), Windows-1252 bytes, and COUNTS MADE UP by a seeded generator.
// Figures: throughput (MB/s), and the time papaparse alone takes on the same text in the same
// run, as the reference the reader's own work is compared with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { root } from '../scripts/build-if-stale.js';
import { importBundled } from './lib/bundle.js';
import { seededRandom } from './lib/demo-response.js';
import { median, round } from './lib/report.js';

const CHARACTERISTICS = 2631;
const fixtures = join(root, 'tests/fixtures/census');

/** One geography's rows as Windows-1252 bytes (latin1 covers every character used). */
function geographyRows(code, names, random) {
	const prefix = `2021,"2021S0512${code}","${code}","Dissemination area","${code}",3.1,4.6,"00000"`;
	const lines = [];
	for (let id = 1; id <= CHARACTERISTICS; id++) {
		const name = names.get(id) ?? `  Characteristic ${id} of the profile`;
		const count = () => (random() < 0.02 ? ',"x"' : `${Math.round(random() * 500) * 5},""`);
		lines.push(
			`${prefix},${id},"${name}",,${count()},${count()},${count()},${round(random() * 100, 1)},"",,"...",,"..."`
		);
	}
	return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

export const censusImport = {
	key: 'census_import',
	figures: { file_mb: null, read_ms: null, mb_per_s: null, papaparse_only_ms: null, ratio: null },
	budgets: {},
	async run({ quick, log }) {
		const { readCensusProfile } = await importBundled(
			'src/lib/domain/representation/read-census-profile.ts'
		);
		const header = readFileSync(join(fixtures, 'ada-10010001-2021.csv'), 'utf8').split('\n')[0];
		const names = new Map(
			readFileSync(join(fixtures, 'characteristic-ids-2021.tsv'), 'utf8')
				.split('\n')
				.slice(1)
				.filter(Boolean)
				.map((line) => {
					const [id, , name] = line.split('\t');
					return [Number(id), name];
				})
		);
		const random = seededRandom(2021);
		const geographies = quick ? 40 : 220;
		const parts = [Buffer.from(header + '\r\n', 'latin1')];
		for (let g = 0; g < geographies; g++)
			parts.push(geographyRows(String(35060000 + g), names, random));
		const file = Buffer.concat(parts);
		const megabytes = file.length / 2 ** 20;
		log(`  ${geographies} geographies, ${round(megabytes, 1)} MB`);
		// the browser's File.stream() delivers 64 KiB chunks
		async function* chunks() {
			for (let i = 0; i < file.length; i += 65536) yield file.subarray(i, i + 65536);
		}

		const runs = quick ? 1 : 3;
		const readTimes = [];
		const papaTimes = [];
		for (let r = 0; r < runs; r++) {
			let started = performance.now();
			const reading = await readCensusProfile(chunks());
			readTimes.push(performance.now() - started);
			if (!reading.ok)
				throw new Error(`the generated file did not read: ${reading.problems[0].key}`);
			if (reading.extract.geographies.length !== geographies) throw new Error('geographies lost');

			const text = new TextDecoder('windows-1252').decode(file);
			started = performance.now();
			Papa.parse(text, { delimiter: ',', skipEmptyLines: true });
			papaTimes.push(performance.now() - started);
		}
		const readMs = median(readTimes);
		const papaMs = median(papaTimes);
		log(
			`  read ${readTimes.map((t) => round(t)).join(', ')} ms; papaparse alone ${papaTimes.map((t) => round(t)).join(', ')} ms`
		);
		return {
			file_mb: round(megabytes, 1),
			read_ms: round(readMs),
			mb_per_s: round(megabytes / (readMs / 1000), 1),
			papaparse_only_ms: round(papaMs),
			ratio: round(papaMs / readMs, 2),
			geographies,
			rows: geographies * CHARACTERISTICS,
			runs
		};
	}
};

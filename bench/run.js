// `npm run bench [-- --quick]`: runs every benchmark, writes bench/results/latest.json and prints
// it. Progress goes to stderr, the JSON to stdout. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, root } from '../scripts/build-if-stale.js';
import { aggregate } from './aggregate.js';
import { censusImport } from './census-import.js';
import { coding } from './coding.js';
import { deprivationImport } from './deprivation-import.js';
import { event } from './event.js';
import { pendingBenchmarks } from './pending.js';
import { Skip, blank, withinBudget } from './lib/report.js';
import { startup } from './startup.js';
import { rawInsert, submit } from './submit.js';
import { surveyPage } from './survey-page.js';

// Each module: { key, figures (all-null template), budgets, run({ quick, log }) → figures }.
// raw_insert reports what submit measured (its reference, same run), so it comes after it.
const allBenchmarks = [
	startup,
	surveyPage,
	submit,
	rawInsert,
	coding,
	censusImport,
	deprivationImport,
	aggregate,
	event,
	...pendingBenchmarks
];

const args = process.argv.slice(2);
// --only <key>[,<key>]: run some benchmarks, as when working on one figure; the full set still
// writes latest.json, a partial run writes only-<keys>.json so it never hides the other figures.
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : null;
const unknown = args.filter(
	(arg, index) => arg !== '--quick' && (onlyAt < 0 || (index !== onlyAt && index !== onlyAt + 1))
);
const unknownKeys = (only ?? []).filter((key) => !allBenchmarks.some((b) => b.key === key));
if (unknown.length > 0 || (only && only.length === 0) || unknownKeys.length > 0) {
	console.error(
		`Unknown argument ${[...unknown, ...unknownKeys].join(' ')}. Usage: npm run bench [-- --quick] [--only ${allBenchmarks.map((b) => b.key).join(',')}]`
	);
	process.exit(2);
}
const benchmarks = only ? allBenchmarks.filter((b) => only.includes(b.key)) : allBenchmarks;
const quick = args.includes('--quick');
const log = (line) => console.error(line);

function git(...gitArgs) {
	const result = spawnSync('git', gitArgs, { cwd: root, encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : null;
}

function machine() {
	const cpuList = cpus();
	return {
		date: new Date().toISOString(),
		node: process.version,
		platform: `${platform()} ${release()}`,
		arch: arch(),
		cpus: cpuList.length,
		cpu_model: cpuList[0]?.model ?? null,
		memory_gb: Math.round(totalmem() / 2 ** 30),
		load_average_1m: Math.round(loadavg()[0] * 100) / 100,
		commit: git('rev-parse', '--short', 'HEAD'),
		uncommitted_changes: git('status', '--porcelain') ? true : false
	};
}

const results = { mode: quick ? 'quick' : 'full', machine: machine() };
let failed = false;

// Timings are of the built app, never of the build.
log('Checking the build…');
const status = buildIfStale({ log, output: process.stderr.fd });
if (status !== 0) {
	log(`The build failed (exit ${status}); nothing was measured.`);
	process.exit(1);
}

for (const benchmark of benchmarks) {
	log(`${benchmark.key}…`);
	const started = Date.now();
	let section;
	try {
		section = await benchmark.run({ quick, log });
	} catch (error) {
		if (error instanceof Skip) {
			section = { ...blank(benchmark.figures), skipped: error.reason };
			log(`  skipped: ${error.reason}`);
		} else {
			failed = true;
			const message = error instanceof Error ? error.message : String(error);
			// error.section: what a benchmark did measure before part of it broke
			section = { ...blank(benchmark.figures), ...error?.section, error: message };
			log(`  failed: ${message}`);
		}
	}
	section.budgets = benchmark.budgets;
	section.within_budget = withinBudget(section, benchmark.budgets);
	if (!section.skipped) section.duration_s = Math.round((Date.now() - started) / 100) / 10;
	results[benchmark.key] = section;
}

results.machine.load_average_1m_end = Math.round(loadavg()[0] * 100) / 100;

const verdicts = benchmarks.flatMap((b) => Object.values(results[b.key].within_budget));
results.summary = {
	measured: benchmarks.filter((b) => !results[b.key].skipped && !results[b.key].error).length,
	skipped: benchmarks.filter((b) => results[b.key].skipped).map((b) => b.key),
	failed: benchmarks.filter((b) => results[b.key].error).map((b) => b.key),
	// over the measured figures only; a budget miss is reported, never a failing exit code
	all_within_budget: verdicts.every((verdict) => verdict !== false)
};

const json = JSON.stringify(results, null, '\t');
const dir = join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = only ? `only-${only.join('-')}.json` : 'latest.json';
writeFileSync(join(dir, file), `${json}\n`);
console.log(json);
log(`Written to bench/results/${file}`);
// A benchmark that could not run because of an error (not a skip, not a slow figure) exits 1.
process.exit(failed ? 1 : 0);

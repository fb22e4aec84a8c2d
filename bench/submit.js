// submit.<db>.*: full HTTP submissions of the demo questionnaire (12 questions, demographics
// included) to the built server, from 50 concurrent clients in a second process on loopback;
// raw_insert.<db>.tps: the same kind of response written straight through the driver, one
// transaction per response, in the same run, as the reference for submit.<db>.ratio.
// Both on embedded PGlite and on PostgreSQL (a throwaway cluster from the machine's binaries).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { root } from '../scripts/build-if-stale.js';
import { findPostgresBin, startThrowawayPostgres } from '../scripts/throwaway-postgres.js';
import {
	DEMO_QUESTIONNAIRE,
	DEMO_SLUG,
	demoAnswers,
	receiptCode,
	receiptHash,
	seededRandom,
	storedForm
} from './lib/demo-response.js';
import { round, skip } from './lib/report.js';
import { freePort, removeTempDirs, startServer, tempDir, waitFor200 } from './lib/server.js';

const CONCURRENCY = 50;
// Sent first, not measured: a server just started runs slower for its first few hundred
// submissions, while V8 optimises its code and tiers PGlite's WebAssembly up (measured with 100:
// the next 300 were 30% slower than the rest). What is measured is the server once warm.
const HTTP_WARMUP = 500;
const RAW_WARMUP = 50;
const SUBMIT_PATH = `/en/s/${DEMO_SLUG}/submit`;
const SAVE_RESPONSE = `select public.save_response($1, $2, $3::public.response_channel,
	$4::public.content_language, $5, $6::jsonb, $7::jsonb) as outcome`;

/** count demo responses, each with a new id and receipt code; answers repeat from run to run. */
function responses(count, seed) {
	const random = seededRandom(seed);
	return Array.from({ length: count }, () => ({
		responseId: randomUUID(),
		receipt: receiptCode(randomBytes(12)),
		language: random() < 0.5 ? 'en' : 'fr',
		answers: demoAnswers(random)
	}));
}

/** save_response's arguments for a response, as the server passes them (channel 'online'). */
function saveArguments(response) {
	const { answers, demographics } = storedForm(response.answers);
	return [
		response.responseId,
		DEMO_QUESTIONNAIRE,
		'online',
		response.language,
		receiptHash(response.receipt),
		JSON.stringify(answers),
		JSON.stringify(demographics)
	];
}

/** json/jsonb parameters as the app passes them to postgres.js: a string is JSON text already. */
function jsonParameter(oid) {
	return {
		to: oid,
		from: [oid],
		serialize: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
		parse: (text) => JSON.parse(text)
	};
}

/** Runs bench/lib/submit-client.js against url with these responses; resolves with its summary. */
function loadFromSecondProcess(url, all, warmup) {
	const file = join(tempDir(), 'bodies.json');
	writeFileSync(file, JSON.stringify(all.map((response) => JSON.stringify(response))));
	const options = JSON.stringify({ url, file, concurrency: CONCURRENCY, warmup });
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [join(root, 'bench/lib/submit-client.js'), options], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		let err = '';
		child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk) => (err = (err + chunk).slice(-4000)));
		// bounded: a stuck run ends rather than hangs the bench
		const timer = setTimeout(() => child.kill('SIGKILL'), 10 * 60 * 1000);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (code !== 0) {
				reject(new Error(`the load client exited (code ${code}, signal ${signal}): ${err.trim()}`));
				return;
			}
			try {
				resolve(JSON.parse(out));
			} catch {
				reject(new Error(`the load client's output could not be read: ${out.slice(0, 500)}`));
			}
		});
	});
}

/**
 * Checks that the database holds exactly the acknowledged responses of those sent, with all
 * their answers. query(text, params) → rows.
 */
async function verify(query, sent, acknowledgedIds, what) {
	const acknowledged = new Set(acknowledgedIds);
	const literal = (ids) => `{${ids.join(',')}}`;
	const [{ n: stored }] = await query(
		'select count(*)::int as n from public.responses where id = any($1::uuid[])',
		[literal(sent.map((r) => r.responseId))]
	);
	const [counts] = await query(
		`select (select count(*)::int from public.answers where response_id = any($1::uuid[])) as answers,
			(select count(*)::int from public.demographic_answers where response_id = any($1::uuid[]))
			as demographics`,
		[literal([...acknowledged])]
	);
	const kept = sent.filter((r) => acknowledged.has(r.responseId)).map((r) => storedForm(r.answers));
	const expected = {
		answers: kept.reduce((sum, r) => sum + Object.keys(r.answers).length, 0),
		demographics: kept.reduce((sum, r) => sum + Object.keys(r.demographics).length, 0)
	};
	if (
		stored !== acknowledged.size ||
		counts.answers !== expected.answers ||
		counts.demographics !== expected.demographics
	) {
		throw new Error(
			`${what}: the database holds ${stored} of the ${sent.length} responses sent, ` +
				`${acknowledged.size} acknowledged; ${counts.answers} answers (expected ` +
				`${expected.answers}), ${counts.demographics} demographic answers (expected ` +
				`${expected.demographics})`
		);
	}
	return { responses: stored, answers: counts.answers, demographic_answers: counts.demographics };
}

/** Writes responses through `saveOne` from `clients` concurrent callers; returns tps. */
async function rawInserts(saveOne, all, warmup, clients) {
	const unexpected = [];
	const pass = async (list) => {
		let next = 0;
		const client = async () => {
			while (next < list.length) {
				const response = list[next++];
				const outcome = await saveOne(saveArguments(response));
				if (outcome !== 'created') unexpected.push(`${response.responseId}: ${outcome}`);
			}
		};
		await Promise.all(Array.from({ length: clients }, client));
	};
	await pass(all.slice(0, warmup));
	const started = performance.now();
	await pass(all.slice(warmup));
	const elapsedMs = performance.now() - started;
	if (unexpected.length > 0) {
		throw new Error(
			`save_response did not create ${unexpected.length} responses: ${unexpected[0]}`
		);
	}
	const measured = all.length - warmup;
	return {
		tps: round((measured / elapsedMs) * 1000),
		transactions: measured,
		elapsed_ms: round(elapsedMs),
		clients,
		warmup_transactions: warmup
	};
}

/** Starts the server on the database env describes, loads it over HTTP, stops it. */
async function httpRun(env, count, log) {
	const port = await freePort();
	const server = startServer({
		port,
		env: { SEED_DEMO: 'true', ...env },
		// e.g. SUBMIT_SERVER_NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the server
		nodeFlags: process.env.SUBMIT_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? []
	});
	try {
		await waitFor200(server, `http://127.0.0.1:${port}/en/s/${DEMO_SLUG}`);
		const sent = responses(HTTP_WARMUP + count, 1);
		const load = await loadFromSecondProcess(
			`http://127.0.0.1:${port}${SUBMIT_PATH}`,
			sent,
			HTTP_WARMUP
		);
		log(
			`  HTTP: ${load.acknowledged}/${load.sent} acknowledged, ${load.rps} rps, ` +
				`p50 ${load.p50_ms} ms, p99 ${load.p99_ms} ms`
		);
		return { sent, load };
	} finally {
		await server.stop();
	}
}

function submitFigures(load) {
	return {
		rps: load.rps,
		p50_ms: load.p50_ms,
		p99_ms: load.p99_ms,
		ratio: null,
		requests: load.sent,
		acknowledged: load.acknowledged,
		errors: load.errors,
		statuses: load.statuses,
		...(load.error_samples.length > 0 ? { error_samples: load.error_samples } : {}),
		mean_ms: load.mean_ms,
		max_ms: load.max_ms,
		elapsed_ms: load.elapsed_ms,
		warmup: load.warmup
	};
}

async function onPglite(count, log) {
	const dataDir = tempDir();
	const { sent, load } = await httpRun({ DATA_DIR: dataDir, DATABASE_URL: '' }, count, log);
	// the server is stopped: its DATA_DIR is opened here, in this process
	const pg = await PGlite.create(dataDir);
	try {
		const query = async (text, params) => (await pg.query(text, params)).rows;
		const stored = await verify(query, sent, load.acknowledged_ids, 'PGlite after the HTTP run');
		const rawSet = responses(RAW_WARMUP + count, 2);
		// PGlite has one connection: one client, one transaction after another
		const raw = await rawInserts(
			async (args) => (await pg.transaction((tx) => tx.query(SAVE_RESPONSE, args))).rows[0].outcome,
			rawSet,
			RAW_WARMUP,
			1
		);
		await verify(
			query,
			rawSet,
			rawSet.map((r) => r.responseId),
			'PGlite after the raw inserts'
		);
		log(`  raw: ${raw.tps} transactions/s`);
		return { submit: { ...submitFigures(load), stored }, raw };
	} finally {
		await pg.close();
	}
}

async function onPostgres(count, log) {
	const cluster = await startThrowawayPostgres({ durable: true });
	const clients = [];
	const connect = (url, max) => {
		// configured as the app's driver (src/lib/server/db/postgres-driver.ts)
		const sql = postgres(url, {
			max,
			prepare: false,
			onnotice: () => {},
			types: { json: jsonParameter(114), jsonb: jsonParameter(3802) }
		});
		clients.push(sql);
		return sql;
	};
	try {
		const admin = connect(cluster.url, 1);
		await admin.unsafe('create database common_ground_bench');
		const [{ version }] = await admin`select current_setting('server_version') as version`;
		const url = cluster.url.replace(/\/postgres$/, '/common_ground_bench');
		const { sent, load } = await httpRun({ DATABASE_URL: url, DATA_DIR: tempDir() }, count, log);
		const sql = connect(url, CONCURRENCY);
		const query = (text, params) => sql.unsafe(text, params);
		const stored = await verify(
			query,
			sent,
			load.acknowledged_ids,
			'PostgreSQL after the HTTP run'
		);
		const rawSet = responses(RAW_WARMUP + count, 2);
		const raw = await rawInserts(
			async (args) => (await sql.begin((tx) => tx.unsafe(SAVE_RESPONSE, args)))[0].outcome,
			rawSet,
			RAW_WARMUP,
			CONCURRENCY
		);
		await verify(
			query,
			rawSet,
			rawSet.map((r) => r.responseId),
			'PostgreSQL after the raw inserts'
		);
		log(`  raw: ${raw.tps} transactions/s`);
		return {
			submit: { ...submitFigures(load), stored, server_version: version },
			raw: { ...raw, server_version: version }
		};
	} finally {
		await Promise.allSettled(clients.map((sql) => sql.end({ timeout: 5 })));
		cluster.stop();
	}
}

const latency = { rps: null, p50_ms: null, p99_ms: null, ratio: null };

// raw_insert is measured by submit's run (each figure in the same run as its reference) and
// reported under its own key by the benchmark after it.
let rawSection = null;

export const submit = {
	key: 'submit',
	figures: { pglite: { ...latency }, postgres: { ...latency } },
	budgets: {
		'pglite.p99_ms': { lt: 100 },
		'postgres.p99_ms': { lt: 100 },
		'pglite.ratio': { gte: 0.5 },
		'postgres.ratio': { gte: 0.5 }
	},

	async run({ quick, log }) {
		const count = quick ? 1000 : 5000;
		const section = {};
		rawSection = { pglite: { tps: null }, postgres: { tps: null } };
		const failures = [];
		const databases = [
			['pglite', () => onPglite(count, log), null],
			[
				'postgres',
				() => onPostgres(count, log),
				findPostgresBin()
					? null
					: 'PostgreSQL ≥ 15 binaries not found (apt-get install postgresql, or set PG_BIN)'
			]
		];
		try {
			for (const [db, measure, unavailable] of databases) {
				if (unavailable) {
					section[db] = { ...latency, skipped: unavailable };
					rawSection[db] = { tps: null, skipped: unavailable };
					log(`  ${db}: skipped: ${unavailable}`);
					continue;
				}
				log(`  ${db}: ${count} submissions from ${CONCURRENCY} clients…`);
				try {
					const { submit: figures, raw } = await measure();
					figures.ratio = raw.tps > 0 ? round(figures.rps / raw.tps, 3) : null;
					section[db] = figures;
					rawSection[db] = raw;
				} catch (error) {
					const message = error instanceof Error ? error.message : String(error);
					section[db] = { ...latency, error: message };
					rawSection[db] = { tps: null, error: message };
					failures.push(`${db}: ${message}`);
					log(`  ${db}: failed: ${message}`);
				}
			}
		} finally {
			removeTempDirs();
		}
		section.setup = {
			submissions: count,
			concurrency: CONCURRENCY,
			warmup_submissions: HTTP_WARMUP,
			endpoint: `POST ${SUBMIT_PATH} (JSON)`,
			client: 'bench/lib/submit-client.js in its own process, keep-alive, loopback',
			latency: 'per request, sending until the whole answer is in; errors count as any non-2xx'
		};
		if (failures.length > 0) {
			// keep what was measured; the runner marks the section failed
			throw Object.assign(new Error(failures.join('; ')), { section });
		}
		if (section.pglite.skipped && section.postgres.skipped) skip(section.postgres.skipped);
		return section;
	}
};

export const rawInsert = {
	key: 'raw_insert',
	figures: { pglite: { tps: null }, postgres: { tps: null } },
	budgets: {},

	run() {
		if (rawSection === null) skip('measured by the submit benchmark, which did not run');
		const section = {
			...rawSection,
			setup: {
				statement: 'select public.save_response(…), one transaction per response',
				pglite_clients: 1,
				postgres_clients: CONCURRENCY,
				note: 'measured in the submit run, on its database, after its server stopped'
			}
		};
		const broken = ['pglite', 'postgres'].filter((db) => rawSection[db].error);
		if (broken.length > 0) {
			throw Object.assign(
				new Error(broken.map((db) => `${db}: ${rawSection[db].error}`).join('; ')),
				{
					section
				}
			);
		}
		return section;
	}
};

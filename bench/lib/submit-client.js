// The load side of the submit benchmark, run as its own process so that its work is not the
// server's: `node bench/lib/submit-client.js '<json options>'`. Options: { url, file (a JSON
// array of request bodies), concurrency, warmup (how many of the bodies, sent first, are not
// measured) }. Each of `concurrency` clients sends one POST at a time on a kept-alive connection.
// Prints one JSON line: latencies of the measured part, and the ids the server acknowledged.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

const { url, file, concurrency, warmup } = JSON.parse(process.argv[2]);
const bodies = JSON.parse(readFileSync(file, 'utf8'));
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);

/** One POST; resolves with { status, body } (status 0 when the request itself failed). */
function post(body) {
	return new Promise((resolve) => {
		const req = request(
			target,
			{
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					accept: 'application/json'
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
				res.on('error', (error) => resolve({ status: 0, body: error.message }));
			}
		);
		req.setTimeout(30000, () => req.destroy(new Error('no answer within 30 s')));
		req.on('error', (error) => resolve({ status: 0, body: error.message }));
		req.end(body);
	});
}

/** Sends bodies[from, to) from `concurrency` clients; returns per-request outcomes. */
async function send(from, to) {
	const outcomes = [];
	let next = from;
	const client = async () => {
		while (next < to) {
			const index = next++;
			const started = performance.now();
			const { status, body } = await post(bodies[index]);
			outcomes.push({ index, status, body, ms: performance.now() - started });
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: concurrency }, client));
	return { outcomes, elapsedMs: performance.now() - started };
}

const percentile = (sorted, p) =>
	sorted.length === 0
		? null
		: sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const round = (value) => (value === null ? null : Math.round(value * 10) / 10);

function summary({ outcomes, elapsedMs }) {
	const acknowledged = outcomes.filter((o) => o.status >= 200 && o.status < 300);
	const failed = outcomes.filter((o) => !(o.status >= 200 && o.status < 300));
	const statuses = {};
	for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
	return {
		acknowledged,
		failed,
		statuses,
		elapsedMs,
		// latencies of every request, failed ones included
		sorted: outcomes.map((o) => o.ms).sort((a, b) => a - b)
	};
}

const idOf = (index) => JSON.parse(bodies[index]).responseId;

const warm = summary(await send(0, warmup));
const run = summary(await send(warmup, bodies.length));
agent.destroy();

process.stdout.write(
	`${JSON.stringify({
		warmup: { sent: warmup, acknowledged: warm.acknowledged.length, statuses: warm.statuses },
		sent: bodies.length - warmup,
		acknowledged: run.acknowledged.length,
		errors: run.failed.length,
		statuses: run.statuses,
		// the first few failures, to say what went wrong
		error_samples: [...warm.failed, ...run.failed]
			.slice(0, 5)
			.map((o) => `${o.status} ${o.body.slice(0, 200)}`),
		duplicates: [...warm.acknowledged, ...run.acknowledged].filter((o) => o.status !== 201).length,
		elapsed_ms: round(run.elapsedMs),
		rps: round((run.acknowledged.length / run.elapsedMs) * 1000),
		p50_ms: round(percentile(run.sorted, 0.5)),
		p99_ms: round(percentile(run.sorted, 0.99)),
		mean_ms: round(run.sorted.reduce((s, v) => s + v, 0) / (run.sorted.length || 1)),
		max_ms: round(run.sorted.at(-1) ?? null),
		acknowledged_ids: [...warm.acknowledged, ...run.acknowledged].map((o) => idOf(o.index))
	})}\n`
);

// The phones of the event benchmark, run as their own process so that their work is not the
// server's: `node bench/lib/event-client.js '<json options>'`. Options: { origin, code, phones,
// spreadMs }. Phone i starts at i × spreadMs / phones: it joins (GET /en/e/<code>, which gives it
// its device cookie), opens the live stream (/live/events/<id>) and holds it open, waits for the
// first snapshot, then casts a dot vote as the event page's script does (a form action answered
// in JSON). Streams stay open until every phone has voted and its vote has shown on its stream.
// Prints one JSON line: latencies of joins and votes, errors, and how many votes were
// acknowledged. Bounded: every request times out, and the whole run stops after a deadline.
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const { origin, code, phones, spreadMs, deadlineMs = 180000 } = JSON.parse(process.argv[2]);
const started = performance.now();

/** One request; resolves with { status, headers, body } (status 0 when it failed). */
function send(path, { method = 'GET', headers = {}, body } = {}) {
	return new Promise((resolve) => {
		const req = request(new URL(path, origin), { method, headers, agent: false }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text })
			);
			res.on('error', (error) => resolve({ status: 0, headers: {}, body: error.message }));
		});
		req.setTimeout(30000, () => req.destroy(new Error('no answer within 30 s')));
		req.on('error', (error) => resolve({ status: 0, headers: {}, body: error.message }));
		req.end(body);
	});
}

/**
 * Opens the live stream; `onSnapshot` gets each snapshot. Resolves with close() once the
 * response headers are in, or rejects when the stream cannot be opened.
 */
function openStream(path, cookie, onSnapshot) {
	return new Promise((resolve, reject) => {
		const req = request(
			new URL(path, origin),
			{ headers: { cookie, accept: 'text/event-stream' }, agent: false },
			(res) => {
				if (res.statusCode !== 200) {
					res.resume();
					reject(new Error(`stream answered ${res.statusCode}`));
					return;
				}
				let buffer = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => {
					buffer += chunk;
					let end;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const message = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const data = message.split('\n').find((line) => line.startsWith('data: '));
						if (message.includes('event: snapshot') && data) onSnapshot(JSON.parse(data.slice(6)));
					}
				});
				res.on('error', () => {});
				resolve(() => req.destroy());
			}
		);
		req.on('error', reject);
		req.end();
	});
}

const joins = [];
const votes = [];
const firstSnapshots = [];
const errors = [];
let acknowledged = 0;
const closers = [];

async function phone(index) {
	await sleep((index * spreadMs) / phones);
	const joinStarted = performance.now();
	const page = await send(`/en/e/${code}`);
	joins.push(performance.now() - joinStarted);
	const cookie = (page.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
	const live = /data-live="([^"]+)"/.exec(page.body)?.[1];
	const round = /name="roundId" value="([^"]+)"/.exec(page.body)?.[1];
	const options = [...page.body.matchAll(/name="mark\.([0-9a-f-]{36})"/g)].map((m) => m[1]);
	if (page.status !== 200 || !cookie || !live || !round || options.length === 0) {
		errors.push(`join ${page.status}: ${page.body.slice(0, 200)}`);
		return;
	}
	let ballotsSeen = -1;
	let firstSeen;
	const first = new Promise((resolve) => (firstSeen = resolve));
	const streamStarted = performance.now();
	try {
		closers.push(
			await openStream(live, cookie, (snapshot) => {
				ballotsSeen = snapshot.votes[0]?.ballots ?? -1;
				firstSeen(snapshot);
			})
		);
	} catch (error) {
		errors.push(`stream: ${error.message}`);
		return;
	}
	await Promise.race([first, sleep(10000)]);
	if (ballotsSeen < 0) {
		errors.push('stream: no snapshot within 10 s');
		return;
	}
	firstSnapshots.push(performance.now() - streamStarted);
	// three dots, as a phone spreads them: all on one option, or two and one
	const marks = new URLSearchParams({ roundId: round });
	const pick = options[index % options.length];
	marks.set(`mark.${pick}`, String(1 + (index % 3)));
	if (index % 3 !== 2)
		marks.set(`mark.${options[(index + 1) % options.length]}`, String(2 - (index % 3)));
	const body = marks.toString();
	const voteStarted = performance.now();
	const cast = await send(`/en/e/${code}?/vote`, {
		method: 'POST',
		body,
		headers: {
			cookie,
			origin,
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': Buffer.byteLength(body),
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		}
	});
	votes.push(performance.now() - voteStarted);
	let outcome;
	try {
		outcome = JSON.parse(cast.body);
	} catch {
		outcome = null;
	}
	if (cast.status !== 200 || outcome?.type !== 'success') {
		errors.push(`vote ${cast.status}: ${cast.body.slice(0, 200)}`);
		return;
	}
	acknowledged++;
}

const percentile = (values, p) => {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (value) => (value === null ? null : Math.round(value * 10) / 10);

const deadline = sleep(deadlineMs).then(() => errors.push('deadline reached'));
await Promise.race([Promise.all(Array.from({ length: phones }, (_, i) => phone(i))), deadline]);
const elapsedMs = performance.now() - started;
for (const close of closers) close();
const all = [...joins, ...votes];
console.log(
	JSON.stringify({
		phones,
		joined: joins.length,
		streams: closers.length,
		acknowledged,
		errors: errors.length,
		error_samples: errors.slice(0, 5),
		p95_ms: round(percentile(all, 95)),
		p50_ms: round(percentile(all, 50)),
		join_p95_ms: round(percentile(joins, 95)),
		vote_p95_ms: round(percentile(votes, 95)),
		first_snapshot_p95_ms: round(percentile(firstSnapshots, 95)),
		elapsed_ms: round(elapsedMs)
	})
);
process.exit(0);

// event.*: a live event on the built server with embedded PGlite. Phones (500; 100 with --quick)
// join the demo town hall within 60 s (12 s), each opens the live stream and holds it open, and
// casts a dot vote; the phones run in a second process on loopback (bench/lib/event-client.js).
// p95_ms is over every join and vote request; errors counts failed joins, streams without a
// first snapshot and unacknowledged votes. Afterwards the database must hold exactly one event
// ballot per acknowledged vote.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { root } from '../scripts/build-if-stale.js';
import { freePort, removeTempDirs, startServer, tempDir, waitFor200 } from './lib/server.js';

const CODE = 'HALL26';
const ROUND_SLUG = 'vanier-town-hall';

/** Extra node flags from an environment variable, separated by spaces. */
const flags = (value) => value?.split(' ').filter(Boolean) ?? [];

function phonesFromSecondProcess(options) {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[
				// EVENT_PHONES_NODE_FLAGS: the same for the phones' process
				...flags(process.env.EVENT_PHONES_NODE_FLAGS),
				join(root, 'bench/lib/event-client.js'),
				JSON.stringify(options)
			],
			{
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let out = '';
		let err = '';
		child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk) => (err = (err + chunk).slice(-4000)));
		const timer = setTimeout(() => child.kill('SIGKILL'), 5 * 60 * 1000);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (code !== 0) {
				reject(new Error(`the phones exited (code ${code}, signal ${signal}): ${err.trim()}`));
				return;
			}
			try {
				resolve(JSON.parse(out));
			} catch {
				reject(new Error(`the phones' output could not be read: ${out.slice(0, 500)}`));
			}
		});
	});
}

export const event = {
	key: 'event',
	figures: { phones: null, p95_ms: null, errors: null },
	budgets: { phones: { gte: 500 }, p95_ms: { lt: 300 }, errors: { eq: 0 } },
	async run({ quick, log }) {
		const phones = quick ? 100 : 500;
		const spreadMs = quick ? 12000 : 60000;
		const dataDir = tempDir();
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		const server = startServer({
			port,
			env: {
				SEED_DEMO: 'true',
				DATA_DIR: dataDir,
				DATABASE_URL: '',
				ORIGIN: origin
			},
			// e.g. EVENT_SERVER_NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the
			// server under this load
			nodeFlags: flags(process.env.EVENT_SERVER_NODE_FLAGS)
		});
		let load;
		try {
			await waitFor200(server, `${origin}/en`);
			load = await phonesFromSecondProcess({ origin, code: CODE, phones, spreadMs });
		} finally {
			await server.stop();
		}
		log(
			`  ${load.joined}/${phones} joined, ${load.acknowledged} votes acknowledged, ` +
				`p95 ${load.p95_ms} ms (join ${load.join_p95_ms}, vote ${load.vote_p95_ms}), ` +
				`${load.errors} errors`
		);
		// the server is stopped: its DATA_DIR is opened here, in this process
		const pg = await PGlite.create(dataDir);
		let stored;
		try {
			const { rows } = await pg.query(
				`select count(*)::int as n from public.ballots b
				join public.vote_rounds r on r.id = b.round_id
				where r.slug = $1 and b.channel = 'event'`,
				[ROUND_SLUG]
			);
			stored = rows[0].n;
		} finally {
			await pg.close();
			removeTempDirs();
		}
		const lost = load.acknowledged - stored;
		return {
			phones: load.joined,
			p95_ms: load.p95_ms,
			errors: load.errors + Math.abs(lost),
			p50_ms: load.p50_ms,
			join_p95_ms: load.join_p95_ms,
			vote_p95_ms: load.vote_p95_ms,
			first_snapshot_p95_ms: load.first_snapshot_p95_ms,
			streams_held: load.streams,
			votes_acknowledged: load.acknowledged,
			ballots_stored: stored,
			spread_ms: spreadMs,
			elapsed_ms: load.elapsed_ms,
			...(load.error_samples.length > 0 ? { error_samples: load.error_samples } : {})
		};
	}
};

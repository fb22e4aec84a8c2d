import { expect, test } from '@playwright/test';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoAnswers, receiptCode, seededRandom } from '../../bench/lib/demo-response.js';
import { sparePort, startThrowawayPostgres } from '../../scripts/throwaway-postgres.js';

// A response is acknowledged only once it is durable: kill the server (SIGKILL) in the middle of
// a burst of submissions, start it again, and every acknowledged response must be there exactly
// once; the unacknowledged ones, sent again as a phone's outbox would, are added once too.
// Runs against the built server (this suite's web server built it); no browser is needed.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'runs once');
test.describe.configure({ timeout: 180_000 });

type Server = { child: ChildProcess; url: string };

async function startServer(env: Record<string, string>): Promise<Server> {
	const port = await sparePort();
	const child = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, PORT: String(port), ORIGIN: `http://127.0.0.1:${port}`, ...env },
		stdio: 'ignore'
	});
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${url}/en`)).ok) return { child, url };
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	child.kill('SIGKILL');
	throw new Error('the server did not start');
}

function stop(server: Server, signal: NodeJS.Signals) {
	return new Promise<void>((resolve) => {
		if (server.child.exitCode !== null) return resolve();
		server.child.once('exit', () => resolve());
		server.child.kill(signal);
	});
}

type Submission = { responseId: string; body: string };

function submissions(count: number): Submission[] {
	const random = seededRandom(7);
	return Array.from({ length: count }, () => {
		const responseId = randomUUID();
		const body = JSON.stringify({
			responseId,
			receipt: receiptCode(randomBytes(12)),
			language: 'fr',
			answers: demoAnswers(random)
		});
		return { responseId, body };
	});
}

const post = (url: string, submission: Submission) =>
	fetch(`${url}/fr/s/vanier-2026/submit`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: submission.body
	});

/** Sends all of them from `clients` concurrent loops; kills the server after `killAfter` acks. */
async function burst(server: Server, all: Submission[], clients: number, killAfter: number) {
	const acknowledged = new Set<string>();
	const queue = [...all];
	let killed: Promise<void> | undefined;
	await Promise.all(
		Array.from({ length: clients }, async () => {
			for (let next = queue.shift(); next; next = queue.shift()) {
				try {
					const response = await post(server.url, next);
					if (response.status === 201 || response.status === 200) acknowledged.add(next.responseId);
				} catch {
					// the connection died with the server: not acknowledged
				}
				if (acknowledged.size >= killAfter && !killed) killed = stop(server, 'SIGKILL');
			}
		})
	);
	await killed;
	return acknowledged;
}

async function resendUntilAcknowledged(server: Server, pending: Submission[]) {
	for (const submission of pending) {
		const response = await post(server.url, submission);
		expect([200, 201]).toContain(response.status);
	}
}

for (const database of ['pglite', 'postgres'] as const) {
	test(`no acknowledged response is lost or doubled when the server is killed (${database})`, async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'cg-kill-'));
		const cluster = database === 'postgres' ? await startThrowawayPostgres() : undefined;
		try {
			let env: Record<string, string> = { DATA_DIR: dataDir, SEED_DEMO: 'true' };
			let count: () => Promise<Map<string, number>>;
			if (cluster) {
				const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
				await admin.unsafe('create database reliability');
				await admin.end();
				const url = cluster.url.replace(/\/postgres$/, '/reliability');
				env = { DATABASE_URL: url, SEED_DEMO: 'true' };
				count = async () => {
					const sql = postgres(url, { max: 1 });
					const rows = await sql<{ id: string; answers: number }[]>`
						select r.id, (select count(*)::int from public.answers a where a.response_id = r.id) as answers
						from public.responses r`;
					await sql.end();
					return new Map(rows.map((row) => [row.id, row.answers]));
				};
			} else {
				count = async () => {
					const db = await PGlite.create(dataDir);
					const { rows } = await db.query<{ id: string; answers: number }>(
						`select r.id, (select count(*)::int from public.answers a where a.response_id = r.id) as answers
						from public.responses r`
					);
					await db.close();
					return new Map(rows.map((row) => [row.id, row.answers]));
				};
			}

			const all = submissions(300);
			const first = await startServer(env);
			const acknowledged = await burst(first, all, 20, 60);
			expect(acknowledged.size).toBeGreaterThanOrEqual(60);
			expect(acknowledged.size).toBeLessThan(all.length);

			// Back up: phones resend what was never acknowledged; a resend of an
			// acknowledged one must change nothing.
			const second = await startServer(env);
			await resendUntilAcknowledged(
				second,
				all.filter((s) => !acknowledged.has(s.responseId))
			);
			await resendUntilAcknowledged(second, all.slice(0, 5));
			await stop(second, 'SIGTERM');

			const stored = await count();
			for (const id of acknowledged) {
				expect(stored.has(id), `acknowledged response ${id}`).toBe(true);
				expect(stored.get(id)).toBeGreaterThan(0);
			}
			expect(stored.size).toBe(all.length);
		} finally {
			cluster?.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
}

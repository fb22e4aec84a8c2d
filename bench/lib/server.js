// Starting and stopping the built server for benchmarks. Every server runs in its own process
// group and is tracked, so none is left behind: not on error, not on Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { root } from '../../scripts/build-if-stale.js';

const live = new Set();
const dirs = new Set();

function killGroup(child, signal) {
	try {
		// detached: the child leads its own process group; a negative pid signals all of it
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

let guarded = false;
function guard() {
	if (guarded) return;
	guarded = true;
	process.on('exit', () => {
		for (const child of live) killGroup(child, 'SIGKILL');
		for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	});
	for (const [signal, number] of [
		['SIGINT', 2],
		['SIGTERM', 15],
		['SIGHUP', 1]
	]) {
		process.once(signal, () => process.exit(128 + number));
	}
}

/** A new empty directory, removed by removeTempDirs() or, at the latest, when the bench exits. */
export function tempDir() {
	guard();
	const dir = mkdtempSync(join(tmpdir(), 'common-ground-bench-'));
	dirs.add(dir);
	return dir;
}

export function removeTempDirs() {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	dirs.clear();
}

/** A loopback port nothing listens on right now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** One GET; resolves with the status once the whole answer is in, or 0 when nothing answered. */
function get(url, timeoutMs = 5000) {
	return new Promise((resolve) => {
		const req = request(url, { agent: false, headers: { connection: 'close' } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
			res.on('error', () => resolve(0));
		});
		req.setTimeout(timeoutMs, () => req.destroy());
		req.on('error', () => resolve(0));
		req.end();
	});
}

/**
 * Spawns `node scripts/start.js` on 127.0.0.1:port with the given environment additions.
 * Returns a handle with the spawn time (performance.now()), when it printed that it listens, its
 * output so far and stop(). nodeFlags go before the script (e.g. ['--cpu-prof'] to profile it).
 */
export function startServer({ port, env, nodeFlags = [] }) {
	guard();
	const childEnv = { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' };
	const startedAt = performance.now();
	const child = spawn(process.execPath, [...nodeFlags, 'scripts/start.js'], {
		cwd: root,
		env: childEnv,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	live.add(child);
	let output = '';
	let listeningAt;
	const keep = (chunk) => {
		output = (output + chunk).slice(-20000);
		// the adapter's "Listening on …" line: the port is open, init (migrations, seed) is done
		if (listeningAt === undefined && output.includes('Listening on'))
			listeningAt = performance.now();
	};
	child.stdout.setEncoding('utf8').on('data', keep);
	child.stderr.setEncoding('utf8').on('data', keep);
	const exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			live.delete(child);
			resolve({ code, signal });
		});
		child.on('error', (error) => {
			live.delete(child);
			keep(`\n${error.message}\n`);
			resolve({ code: null, signal: null });
		});
	});
	let exit;
	void exited.then((value) => (exit = value));

	return {
		startedAt,
		output: () => output,
		listeningAt: () => listeningAt,
		exit: () => exit,
		/** SIGTERM to the whole group, SIGKILL if it is still there after graceMs. */
		async stop(graceMs = 5000) {
			if (exit) return exit;
			killGroup(child, 'SIGTERM');
			const stopped = await Promise.race([exited, sleep(graceMs).then(() => undefined)]);
			if (stopped) return stopped;
			killGroup(child, 'SIGKILL');
			return exited;
		}
	};
}

/**
 * Polls url every intervalMs until it answers 200; returns performance.now() at that answer.
 * Throws when the server exits first, answers anything else (the adapter only listens once the
 * init hook is done, so its first answer is its real one) or timeoutMs passes.
 */
export async function waitFor200(server, url, { timeoutMs = 60000, intervalMs = 10 } = {}) {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const exit = server.exit();
		if (exit) {
			throw new Error(
				`server exited (code ${exit.code}, signal ${exit.signal}) before ${url} answered 200:\n` +
					server.output().slice(-2000)
			);
		}
		const status = await get(url);
		if (status === 200) return performance.now();
		if (status !== 0) {
			throw new Error(`${url} answered ${status}:\n${server.output().slice(-2000)}`);
		}
		if (performance.now() > deadline) {
			throw new Error(
				`${url} did not answer within ${timeoutMs} ms:\n${server.output().slice(-2000)}`
			);
		}
		await sleep(intervalMs);
	}
}

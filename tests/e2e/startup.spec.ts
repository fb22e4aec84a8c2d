import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Start-up refusals, run against the built server (the web server of this suite built it).
// No browser is needed: one project is enough.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'runs once');

function startServer(env: Record<string, string>) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn(process.execPath, ['build/index.js'], {
			env: { ...process.env, PORT: '0', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}

test('an unreachable DATABASE_URL stops start-up, naming the host', async () => {
	const { code, output } = await startServer({
		DATABASE_URL: 'postgres://app:secret@127.0.0.1:9/common_ground'
	});
	expect(code).not.toBe(0);
	expect(output).toContain('Cannot reach the database at 127.0.0.1:9');
	expect(output).not.toContain('secret');
});

test('a DATA_DIR that is not a PGlite database is refused and left as it was', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'cg-not-pglite-'));
	try {
		mkdirSync(join(dir, 'photos'));
		writeFileSync(join(dir, 'notes.txt'), 'keep me');
		const { code, output } = await startServer({ DATA_DIR: dir });
		expect(code).not.toBe(0);
		expect(output).toContain('is not a PGlite database');
		expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'photos']);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

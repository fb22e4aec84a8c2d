import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
	}
}

/** PostgreSQL's binaries: PG_BIN, else the newest /usr/lib/postgresql/<major>/bin (≥ 15). */
function findPostgresBin(): string {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root)
				.map(Number)
				.filter((major) => major >= 15)
				.sort((a, b) => b - a)
		: [];
	const bin = majors
		.map((major) => join(root, String(major), 'bin'))
		.find((dir) => existsSync(join(dir, 'initdb')));
	if (!bin) {
		throw new Error(
			'PostgreSQL ≥ 15 binaries not found: install them (apt-get install -y postgresql) or set PG_BIN.'
		);
	}
	return bin;
}

function sparePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject()
			);
		});
	});
}

/**
 * Starts a throwaway PostgreSQL cluster for the database tests, on loopback and a spare port.
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
export default async function setup(project: TestProject) {
	const bin = findPostgresBin();
	const dir = mkdtempSync(join(tmpdir(), 'cg-pg-'));
	const asRoot = process.getuid?.() === 0;
	const run = (command: string, args: string[]) => {
		const [file, argv] = asRoot
			? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]]
			: [join(bin, command), args];
		execFileSync(file, argv, { stdio: 'pipe' });
	};
	if (asRoot) {
		chmodSync(dir, 0o777);
		execFileSync('chown', ['postgres', dir]);
	}
	const data = join(dir, 'data');
	const port = await sparePort();
	run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
	run('pg_ctl', [
		'-D',
		data,
		'-l',
		join(dir, 'log'),
		'-w',
		'-o',
		`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
		'start'
	]);
	project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);

	return () => {
		try {
			run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

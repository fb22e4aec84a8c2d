// A throwaway PostgreSQL cluster on loopback and a spare port, from the machine's own binaries:
// the database tests and the benchmarks run against it. initdb refuses to run as root, so as
// root the cluster belongs to the `postgres` user.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PostgreSQL's binaries: PG_BIN, else the newest /usr/lib/postgresql/<major>/bin (≥ 15); null if none. */
export function findPostgresBin() {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const majors = readdirSync(root)
		.map(Number)
		.filter((major) => major >= 15)
		.sort((a, b) => b - a);
	return (
		majors
			.map((major) => join(root, String(major), 'bin'))
			.find((dir) => existsSync(join(dir, 'initdb'))) ?? null
	);
}

export function sparePort() {
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
 * Starts the cluster; resolves to { url, stop } where url is the `postgres` database of a
 * trust-authenticated superuser. Throws with an install hint when no binaries are found.
 * `durable: false` turns fsync off: faster tests; benchmarks keep real commits.
 */
export async function startThrowawayPostgres({ durable = true } = {}) {
	const bin = findPostgresBin();
	if (!bin) {
		throw new Error(
			'PostgreSQL ≥ 15 binaries not found: install them (apt-get install -y postgresql) or set PG_BIN.'
		);
	}
	const dir = mkdtempSync(join(tmpdir(), 'cg-pg-'));
	const asRoot = process.getuid?.() === 0;
	/** @param {string} command @param {string[]} args */
	const run = (command, args) => {
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
		`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200` +
			(durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'),
		'start'
	]);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop() {
			try {
				run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

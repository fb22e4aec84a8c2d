import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/lib/server/config';
import { openDatabase } from '../../src/lib/server/db/open-database';
import { NotAPgliteDirectory } from '../../src/lib/server/db/pglite-directory';
import { DatabaseUnreachable, openPostgres } from '../../src/lib/server/db/postgres-driver';
import { DEMO_ORGANIZER_EMAIL } from '../../src/lib/server/db/seed-demo';
import { newPostgresDatabase } from './harness';

const scratch = mkdtempSync(join(tmpdir(), 'cg-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('start-up on the embedded database', () => {
	it('migrates and seeds the demo once, printing the organizer sign-in once', async () => {
		const dataDir = join(scratch, 'fresh');
		const lines: string[] = [];
		const config = readConfig({ DATA_DIR: dataDir, DEMO_ORGANIZER_PASSWORD: 'a-known-password' });
		const first = await openDatabase(config, (line) => lines.push(line));
		const [row] = await first.query<{ slug: string; name: { fr: string } }>(
			'select slug, name from public.communities'
		);
		expect(row).toEqual({ slug: 'vanier', name: { en: 'Vanier Together', fr: 'Vanier ensemble' } });
		await first.close();
		expect(lines).toEqual([
			expect.stringContaining(`${DEMO_ORGANIZER_EMAIL} with password a-known-password`)
		]);

		const again = await openDatabase(config, (line) => lines.push(line));
		const [count] = await again.query<{ n: number }>(
			'select count(*)::int as n from public.profiles'
		);
		await again.close();
		expect(count.n).toBe(1);
		expect(lines).toHaveLength(1);
	});

	it('leaves the database empty with SEED_DEMO=false', async () => {
		const db = await openDatabase(
			readConfig({ DATA_DIR: join(scratch, 'bare'), SEED_DEMO: 'false' }),
			() => {}
		);
		expect(await db.query('select 1 from public.communities')).toEqual([]);
		await db.close();
	});

	it('refuses a DATA_DIR that is not a PGlite database and changes nothing in it', async () => {
		const dir = join(scratch, 'documents');
		mkdirSync(dir);
		writeFileSync(join(dir, 'notes.txt'), 'precious');
		await expect(openDatabase(readConfig({ DATA_DIR: dir }), () => {})).rejects.toThrow(
			NotAPgliteDirectory
		);
		await expect(openDatabase(readConfig({ DATA_DIR: dir }), () => {})).rejects.toThrow(
			/not a PGlite database/
		);
		expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('precious');
		expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
	});
});

describe('start-up on PostgreSQL', () => {
	it('stops with a message naming the host when DATABASE_URL cannot be reached', async () => {
		const url = 'postgres://someone:secret@127.0.0.1:1/nothing';
		const attempt = openPostgres(url);
		await expect(attempt).rejects.toThrow(DatabaseUnreachable);
		await expect(openPostgres(url)).rejects.toThrow(/127\.0\.0\.1:1/);
		await expect(openPostgres(url)).rejects.not.toThrow(/secret/);
	});

	it('migrates and seeds through DATABASE_URL', async () => {
		const url = await newPostgresDatabase();
		const db = await openDatabase(readConfig({ DATABASE_URL: url }), () => {});
		const rows = await db.query<{ slug: string }>('select slug from public.communities');
		await db.close();
		expect(rows).toEqual([{ slug: 'vanier' }]);
	});
});

import { expect, test } from '@playwright/test';
import { PGlite } from '@electric-sql/pglite';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sparePort } from '../../scripts/throwaway-postgres.js';
import { demoOrganizer, paths, t } from './helpers';

// Restarting the server during an event loses no acknowledged vote, and the presenter screen
// reconnects by itself: phones vote while the server is killed (SIGKILL) and started again on
// the same address; every vote that was acknowledged is in the database exactly once, the
// unacknowledged ones sent again count once, and the open presenter screen shows votes cast
// after the restart without anyone touching it. Runs against the built server, on PGlite.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'runs once');
// two cold starts of the built server on a shared two-core machine
test.describe.configure({ timeout: 300_000 });
// every step bounded, so that a stuck one fails with its name rather than the whole test's timeout
test.use({ actionTimeout: 20_000, navigationTimeout: 60_000 });

const CODE = 'HALL26';
const PHONES = 40;

type Server = { child: ChildProcess; url: string };

async function startServer(port: number, dataDir: string): Promise<Server> {
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: url,
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			SEED_DEMO: 'true',
			DEMO_ORGANIZER_PASSWORD: demoOrganizer.password
		},
		stdio: 'ignore'
	});
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`${url}/en`, { signal: AbortSignal.timeout(5000) })).ok)
				return { child, url };
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	child.kill('SIGKILL');
	throw new Error('the server did not start');
}

function kill(server: Server) {
	return new Promise<void>((resolve) => {
		// A child killed by a signal keeps exitCode null (signalCode says why it ended): checking
		// exitCode alone, killing an already killed server waits for an 'exit' that came long ago.
		if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
		server.child.once('exit', () => resolve());
		server.child.kill('SIGKILL');
	});
}

type Phone = { cookie: string; token: string; body: string };

/** A phone joins the event: its device cookie and its ballot, as the event page would post it. */
async function joinAsPhone(url: string, index: number): Promise<Phone> {
	const page = await fetch(`${url}${paths.eventPublic('fr', CODE)}`, {
		signal: AbortSignal.timeout(30_000)
	});
	const html = await page.text();
	const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]);
	const token = cookie.find((c) => c.startsWith('cg_device='))!.slice('cg_device='.length);
	const round = /name="roundId" value="([^"]+)"/.exec(html)![1];
	const options = [...html.matchAll(/name="mark\.([0-9a-f-]{36})"/g)].map((m) => m[1]);
	const body = new URLSearchParams({
		roundId: round,
		[`mark.${options[index % options.length]}`]: '1'
	}).toString();
	return { cookie: cookie.join('; '), token, body };
}

/** Casts a phone's vote as the page's script does; true when the server acknowledged it. */
async function vote(url: string, phone: Phone): Promise<boolean> {
	try {
		const answer = await fetch(`${url}${paths.eventPublic('fr', CODE)}?/vote`, {
			method: 'POST',
			headers: {
				cookie: phone.cookie,
				origin: url,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: phone.body,
			signal: AbortSignal.timeout(30_000)
		});
		return answer.ok && ((await answer.json()) as { type: string }).type === 'success';
	} catch {
		return false;
	}
}

test('a restart during an event loses no acknowledged vote; the presenter screen reconnects', async ({
	browser
}) => {
	const dataDir = mkdtempSync(join(tmpdir(), 'cg-event-restart-'));
	const port = await sparePort();
	let server = await startServer(port, dataDir);
	const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
	try {
		// The team's presenter screen, open through the whole event.
		const presenter = await context.newPage();
		await presenter.goto(`${server.url}${paths.signIn('fr')}`);
		await presenter.getByLabel(t('fr', 'auth.email')).fill(demoOrganizer.email);
		await presenter
			.getByLabel(t('fr', 'auth.password'), { exact: true })
			.fill(demoOrganizer.password);
		await presenter.getByRole('button', { name: t('fr', 'auth.sign_in') }).click();
		await expect(presenter).toHaveURL(`${server.url}${paths.communities('fr')}`);
		await presenter.goto(`${server.url}${paths.events('fr', 'vanier')}`);
		await presenter.getByRole('link', { name: 'Assemblée publique de Vanier' }).click();
		await presenter.getByRole('link', { name: t('fr', 'events.present') }).click();
		const ballots = presenter.locator('.ballots');
		// the demo event's screen shows both languages
		const shown = (count: number) =>
			`${t('en', 'events.present_ballots', { count })} · ${t('fr', 'events.present_ballots', { count })}`;
		await expect(ballots).toHaveText(shown(0));

		const phones = await Promise.all(
			Array.from({ length: PHONES }, (_, i) => joinAsPhone(server.url, i))
		);
		// Half the phones vote; the server is killed while the other half are voting.
		const acknowledged = new Set<number>();
		const first = await Promise.all(phones.slice(0, PHONES / 2).map((p) => vote(server.url, p)));
		first.forEach((ok, i) => ok && acknowledged.add(i));
		const second = phones.slice(PHONES / 2).map(async (phone, i) => {
			await sleep(i * 5);
			if (await vote(server.url, phone)) acknowledged.add(PHONES / 2 + i);
		});
		await sleep(40);
		await kill(server);
		await Promise.all(second);
		expect(acknowledged.size).toBeGreaterThanOrEqual(PHONES / 2);

		server = await startServer(port, dataDir);
		// Nobody reloads the presenter: it reconnects and shows the votes made before the crash.
		await expect(presenter.getByText(t('fr', 'events.present_reconnecting'))).toHaveCount(0, {
			timeout: 15_000
		});
		// The phones that got no answer send again; every phone is then counted once.
		for (const [i, phone] of phones.entries())
			if (!acknowledged.has(i)) expect(await vote(server.url, phone)).toBe(true);
		await expect(ballots).toHaveText(shown(PHONES), {
			timeout: 5000
		});
		// Resending an acknowledged vote replaces it: still one ballot per phone.
		expect(await vote(server.url, phones[0])).toBe(true);
		await kill(server);

		const pg = await PGlite.create(dataDir);
		try {
			const { rows } = await pg.query<{ device_hash: string; round_id: string }>(
				`select b.device_hash, b.round_id from public.ballots b
				join public.vote_rounds r on r.id = b.round_id
				where r.slug = 'vanier-town-hall' and b.channel = 'event'`
			);
			expect(rows).toHaveLength(PHONES);
			const stored = new Set(rows.map((row) => row.device_hash));
			for (const phone of phones) {
				const hash = createHash('sha256')
					.update(`${rows[0].round_id}:${phone.token}`)
					.digest('hex');
				expect(stored.has(hash)).toBe(true);
			}
		} finally {
			await pg.close();
		}
	} finally {
		await context.close();
		await kill(server);
		rmSync(dataDir, { recursive: true, force: true });
	}
});

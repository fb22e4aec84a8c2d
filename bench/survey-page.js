// survey_page.*: what a phone downloads to show the demo questionnaire's first page, and
// Lighthouse's mobile preset on it. Debian's Chromium loads the page (so every script the entry
// imports at start is found, dynamic imports included); each file is then fetched again like a
// phone (Accept-Encoding: gzip, br) to weigh it as served.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, devices } from '@playwright/test';
import { root } from '../scripts/build-if-stale.js';
import { DEMO_SLUG } from './lib/demo-response.js';
import { round, skip } from './lib/report.js';
import { freePort, removeTempDirs, startServer, tempDir, waitFor200 } from './lib/server.js';

const PATH = `/en/s/${DEMO_SLUG}`;
const PHONE = devices['Pixel 7'];
const ACCEPT_ENCODING = 'gzip, br';
// Quiet, repeatable headless Chromium: no background fetches, no updates, no QUIC.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];
const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const lighthouseBin = () => join(root, 'node_modules', '.bin', 'lighthouse');

/** One GET like a phone's; resolves with the status, headers and the body as sent (encoded). */
function fetchAsServed(url, acceptEncoding = ACCEPT_ENCODING) {
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{
				agent: false,
				headers: { 'accept-encoding': acceptEncoding, 'user-agent': PHONE.userAgent }
			},
			(res) => {
				const chunks = [];
				res.on('data', (chunk) => chunks.push(chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) })
				);
				res.on('error', reject);
			}
		);
		req.setTimeout(10000, () => req.destroy(new Error(`GET ${url} timed out`)));
		req.on('error', reject);
		req.end();
	});
}

function kindOf(contentType, url) {
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'text/html') return 'html';
	if (type.includes('javascript') || /\.m?js$/.test(url.pathname)) return 'js';
	if (type === 'text/css' || url.pathname.endsWith('.css')) return 'css';
	if (type.startsWith('font/') || /\.(woff2?|ttf|otf)$/.test(url.pathname)) return 'fonts';
	return 'other';
}

/** Every URL the page fetched until the network went quiet (500 ms without requests). */
async function pageRequests(url) {
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext({ ...PHONE });
		const page = await context.newPage();
		const seen = [];
		page.on('response', (response) => {
			seen.push({
				url: response.url(),
				status: response.status(),
				method: response.request().method()
			});
		});
		const failed = [];
		page.on('requestfailed', (req) => failed.push(`${req.url()}: ${req.failure()?.errorText}`));
		await page.goto(url, { waitUntil: 'networkidle', timeout: 60000 });
		// the page is interactive: its script ran and its first question is on screen
		await page.locator('main').first().waitFor({ timeout: 10000 });
		if (failed.length > 0)
			throw new Error(`requests failed while loading ${url}: ${failed.join('; ')}`);
		return seen;
	} finally {
		await browser.close();
	}
}

async function weigh(pageUrl) {
	const seen = await pageRequests(pageUrl);
	const origin = new URL(pageUrl).origin;
	const files = [];
	let recompressed = 0;
	for (const { url, status, method } of seen) {
		const parsed = new URL(url);
		if (parsed.origin !== origin) throw new Error(`the page fetched from another origin: ${url}`);
		if (method !== 'GET' || status >= 300) {
			throw new Error(`unexpected ${method} ${url} answered ${status} while loading the page`);
		}
		const served = await fetchAsServed(url);
		if (served.status !== 200) throw new Error(`GET ${url} answered ${served.status}`);
		const encoding = served.headers['content-encoding'] ?? null;
		const compressed = encoding === 'gzip' || encoding === 'br';
		if (!compressed) recompressed++;
		// the same file for a client that takes gzip only (the server may prefer brotli above)
		const gzipOnly = encoding === 'gzip' ? served : await fetchAsServed(url, 'gzip');
		files.push({
			path: parsed.pathname + parsed.search,
			kind: kindOf(served.headers['content-type'], parsed),
			served_encoding: encoding,
			served_bytes: served.body.length,
			// as served when compressed; else what a production proxy's gzip (level 9) would send
			gzip_bytes: compressed ? served.body.length : gzipSync(served.body, { level: 9 }).length,
			gzip_only_bytes:
				gzipOnly.headers['content-encoding'] === 'gzip'
					? gzipOnly.body.length
					: gzipSync(gzipOnly.body, { level: 9 }).length
		});
	}
	const total = (kind, field = 'gzip_bytes') =>
		files.filter((f) => kind === undefined || f.kind === kind).reduce((s, f) => s + f[field], 0);
	const uncompressed = files.filter((f) => !f.served_encoding).map((f) => f.path);
	return {
		transfer_gzip_bytes: total(),
		js_gzip_bytes: total('js'),
		css_gzip_bytes: total('css'),
		html_gzip_bytes: total('html'),
		// the survey page loads one enhancement module and no SvelteKit client (csr = false)
		js_files: files.filter((f) => f.kind === 'js').length,
		fonts_gzip_bytes: total('fonts'),
		other_gzip_bytes: total('other'),
		// the same page for a client that accepts gzip but not brotli
		gzip_only: {
			transfer_bytes: total(undefined, 'gzip_only_bytes'),
			js_bytes: total('js', 'gzip_only_bytes')
		},
		requests: files.length,
		files,
		note:
			`Bytes as the server sent them to a client accepting "${ACCEPT_ENCODING}". ` +
			(recompressed > 0
				? `${recompressed} file(s) came uncompressed (${uncompressed.join(', ')}): counted at ` +
					'their gzip size (level 9), as a production proxy would serve them.'
				: 'Every file came compressed.') +
			' gzip_only: the same files for a client that accepts gzip alone.'
	};
}

/** Lighthouse's mobile preset (simulated slow 4G, 4x CPU), performance only, in Chromium. */
function lighthouseRun(url) {
	return new Promise((resolve, reject) => {
		const child = spawn(
			lighthouseBin(),
			[
				url,
				'--only-categories=performance',
				'--output=json',
				'--output-path=stdout',
				'--quiet',
				`--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`
			],
			{
				cwd: root,
				env: { ...process.env, CHROME_PATH: chromiumPath() },
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let out = '';
		let err = '';
		child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk) => (err = (err + chunk).slice(-4000)));
		const timer = setTimeout(() => child.kill('SIGKILL'), 180000);
		child.on('error', reject);
		child.on('exit', (code) => {
			clearTimeout(timer);
			if (code !== 0) return reject(new Error(`lighthouse exited ${code}: ${err.trim()}`));
			try {
				const report = JSON.parse(out);
				if (report.runtimeError) throw new Error(report.runtimeError.message);
				const audit = (id) => report.audits[id]?.numericValue ?? null;
				resolve({
					performance: report.categories.performance.score,
					lcp_ms: round(audit('largest-contentful-paint')),
					tbt_ms: round(audit('total-blocking-time')),
					cls: round(audit('cumulative-layout-shift'), 3),
					fcp_ms: round(audit('first-contentful-paint')),
					speed_index_ms: round(audit('speed-index')),
					version: report.lighthouseVersion,
					benchmark_index: report.environment?.benchmarkIndex ?? null,
					warnings: report.runWarnings ?? []
				});
			} catch (error) {
				reject(new Error(`lighthouse's report could not be read: ${error.message}`));
			}
		});
	});
}

async function lighthouse(url, runs, log) {
	const blank = { performance: null, lcp_ms: null, tbt_ms: null, cls: null };
	if (!existsSync(lighthouseBin())) {
		return { ...blank, skipped: 'the lighthouse package is not installed (npm ci installs it)' };
	}
	const all = [];
	for (let i = 0; i < runs; i++) {
		all.push(await lighthouseRun(url));
		log(
			`  lighthouse ${i + 1}/${runs}: performance ${all[i].performance}, LCP ${all[i].lcp_ms} ms`
		);
	}
	// the run with the median performance score stands for all (its figures belong together)
	const ranked = [...all].sort((a, b) => (a.performance ?? -1) - (b.performance ?? -1));
	const chosen = ranked[Math.floor(ranked.length / 2)];
	return {
		...chosen,
		runs: all.map(({ performance, lcp_ms, tbt_ms, cls }) => ({ performance, lcp_ms, tbt_ms, cls })),
		preset: 'mobile (simulated throttling: slow 4G, 4x CPU slowdown)',
		statistic: `run with the median performance score of ${runs}`
	};
}

export const surveyPage = {
	key: 'survey_page',
	figures: {
		transfer_gzip_bytes: null,
		js_gzip_bytes: null,
		lighthouse: { performance: null, lcp_ms: null, tbt_ms: null, cls: null }
	},
	budgets: {
		transfer_gzip_bytes: { lt: 60000 },
		js_gzip_bytes: { lt: 40000 },
		'lighthouse.performance': { gte: 0.98 },
		'lighthouse.lcp_ms': { lte: 1500 },
		'lighthouse.tbt_ms': { lte: 100 },
		'lighthouse.cls': { lte: 0.02 }
	},

	async run({ quick, log }) {
		if (!existsSync(chromiumPath())) {
			skip(`no Chromium at ${chromiumPath()} (apt-get install chromium, or set CHROMIUM_PATH)`);
		}
		const port = await freePort();
		const server = startServer({
			port,
			env: { DATA_DIR: tempDir(), SEED_DEMO: 'true', DATABASE_URL: '' }
		});
		try {
			const url = `http://127.0.0.1:${port}${PATH}`;
			await waitFor200(server, url);
			const weight = await weigh(url);
			log(
				`  ${weight.requests} files, ${weight.transfer_gzip_bytes} B (JS ${weight.js_gzip_bytes} B)`
			);
			return {
				...weight,
				lighthouse: await lighthouse(url, quick ? 1 : 3, log),
				setup: {
					page: PATH,
					database: 'pglite',
					device: 'Pixel 7 (Playwright device profile)',
					browser: chromiumPath()
				}
			};
		} finally {
			await server.stop();
			removeTempDirs();
		}
	}
};

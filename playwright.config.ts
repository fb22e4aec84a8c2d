import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://localhost:${PORT}`;

/** The demo organizer's password for the test server (the seed uses it instead of a random one). */
export const DEMO_ORGANIZER_PASSWORD = 'demo-organizer-e2e-password';

// Playwright loads this file in the runner and again in each worker: make the database directory
// once, in the runner (workers inherit its environment), and remove it when the runner exits.
if (!process.env.E2E_DATA_DIR) {
	const dataDir = mkdtempSync(join(tmpdir(), 'common-ground-e2e-'));
	process.env.E2E_DATA_DIR = dataDir;
	process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

// Playwright's own browsers are not downloaded: use the system Chromium.
const chromium = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
};

const phone = {
	...devices['Pixel 7'],
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	launchOptions: chromium
};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !!process.env.CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		baseURL: ORIGIN,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{ name: 'phone-js', use: { ...phone } },
		// Every page is built on form actions: the same journeys must work without JavaScript.
		{ name: 'phone-nojs', use: { ...phone, javaScriptEnabled: false }, grepInvert: /@js\b/ }
	],
	webServer: {
		command: 'node scripts/start.js',
		url: `${ORIGIN}/en`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			ORIGIN,
			// A fresh, empty database for every run: the demo community is seeded at first start.
			DATA_DIR: process.env.E2E_DATA_DIR,
			SEED_DEMO: 'true',
			DEMO_ORGANIZER_PASSWORD
		}
	}
});

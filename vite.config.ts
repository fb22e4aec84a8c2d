import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['supabase'] } },
	test: {
		include: ['src/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		globalSetup: ['tests/db/postgres-global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Each database test file opens its own PGlite and its own Postgres database; two cores.
		maxWorkers: 2
	}
});

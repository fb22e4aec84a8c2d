import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../../scripts/throwaway-postgres.js';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
	}
}

/** One throwaway PostgreSQL cluster for all database tests; each test file makes its databases. */
export default async function setup(project: TestProject) {
	const cluster = await startThrowawayPostgres({ durable: false });
	project.provide('postgresUrl', cluster.url);
	return () => cluster.stop();
}

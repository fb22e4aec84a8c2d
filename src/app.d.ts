import type { Lang } from '$lib/i18n/languages';
import type { SessionUser } from '$lib/server/auth/provider';
import type { Row, Statement, Tx } from '$lib/server/db/types';

declare global {
	namespace App {
		interface Locals {
			lang: Lang;
			user: SessionUser | null;
			/** Runs queries in one transaction as this request's user (or anon), under RLS. */
			asUser: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
			/** Statements sent together in one transaction as this request's user (Db.pipeline). */
			asUserPipeline: (statements: readonly Statement[]) => Promise<Row[][]>;
		}
		interface Error {
			message: string;
		}
	}
}

export {};

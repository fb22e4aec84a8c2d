import { INSUFFICIENT_PRIVILEGE, pgError } from '../db/errors';
import type { Tx } from '../db/types';

/* The refusals the session and guide commands answer with (locale keys). */

export type Refusal = { ok: false; error: string };

/** RLS refused: the caller's role may not make this change. */
export const notAllowed: Refusal = { ok: false, error: 'sessions.errors.not_allowed' };
/** Not there, or not visible to the caller (RLS makes the two look the same). */
export const notFound: Refusal = { ok: false, error: 'sessions.errors.not_found' };

/**
 * Runs fn in a savepoint: a row-level security refusal becomes notAllowed, a database check
 * raised with one of `hints` becomes that answer, and either way nothing fn wrote is kept.
 */
export async function guarded<T>(
	tx: Tx,
	fn: (sp: Tx) => Promise<T>,
	hints: Record<string, string> = {}
): Promise<{ ok: true; value: T } | Refusal> {
	try {
		return { ok: true, value: await tx.savepoint(fn) };
	} catch (error) {
		const { code, hint } = pgError(error);
		if (code === INSUFFICIENT_PRIVILEGE) return notAllowed;
		if (hint && hints[hint]) return { ok: false, error: hints[hint] };
		throw error;
	}
}

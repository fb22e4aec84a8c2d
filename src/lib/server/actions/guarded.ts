import { INSUFFICIENT_PRIVILEGE, pgError } from '../db/errors';
import type { Tx } from '../db/types';

const FOREIGN_KEY_VIOLATION = '23503';
const CHECK_VIOLATION = '23514';

export type Outcome<T = string> = { ok: true; id: T } | { ok: false; error: string };

/**
 * Runs a write in a savepoint and turns the database's expected refusals into answers: RLS
 * (not allowed), a priority area or indicator of another community or gone (not found), a
 * check constraint (invalid). Nothing is stored on refusal.
 */
export async function guarded<T>(tx: Tx, fn: (sp: Tx) => Promise<Outcome<T>>): Promise<Outcome<T>> {
	try {
		return await tx.savepoint(fn);
	} catch (error) {
		const { code } = pgError(error);
		if (code === INSUFFICIENT_PRIVILEGE) return { ok: false, error: 'actions.errors.not_allowed' };
		if (code === FOREIGN_KEY_VIOLATION) return { ok: false, error: 'actions.errors.not_found' };
		if (code === CHECK_VIOLATION) return { ok: false, error: 'errors.invalid' };
		throw error;
	}
}

/** A row written, or the refusal of a write that matched nothing (RLS hides, or gone). */
export function written<T extends { id: string }>(rows: T[]): Outcome {
	return rows.length > 0
		? { ok: true, id: rows[0].id }
		: { ok: false, error: 'actions.errors.not_found' };
}

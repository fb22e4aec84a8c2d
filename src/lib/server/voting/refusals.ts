import { INSUFFICIENT_PRIVILEGE, pgError } from '../db/errors';
import type { Tx } from '../db/types';

export type Refusal = { ok: false; error: string };

/** RLS refused the change: the caller may not run this community's votes. */
export const notAllowed: Refusal = { ok: false, error: 'voting.errors.not_allowed' };
export const notFound: Refusal = { ok: false, error: 'voting.errors.not_found' };
/** The round already has ballots: changing what people voted on would change their votes. */
export const hasBallots: Refusal = { ok: false, error: 'voting.errors.has_ballots' };

/** Runs a change in a savepoint, turning a row-level security refusal into notAllowed. */
export async function guarded<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T | Refusal> {
	try {
		return await tx.savepoint(fn);
	} catch (error) {
		if (pgError(error).code === INSUFFICIENT_PRIVILEGE) return notAllowed;
		throw error;
	}
}

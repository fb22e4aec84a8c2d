import { pgError } from '../db/errors';
import type { Tx } from '../db/types';

/**
 * Saves the optional three-question profile of a phone at an event, replacing an earlier one.
 * The answers were checked against the demographic options (profileForm).
 * Outcomes: { ok: true } | { ok: false, error: 'events.errors.closed' }.
 */
export async function saveProfile(
	tx: Tx,
	input: { eventId: string; deviceHash: string; profile: Record<string, string> }
): Promise<{ ok: true } | { ok: false; error: string }> {
	try {
		await tx.savepoint((sp) =>
			sp.query('select public.save_event_profile($1, $2, $3::jsonb)', [
				input.eventId,
				input.deviceHash,
				JSON.stringify(input.profile)
			])
		);
		return { ok: true };
	} catch (error) {
		if (pgError(error).hint === 'event_closed') return { ok: false, error: 'events.errors.closed' };
		throw error;
	}
}

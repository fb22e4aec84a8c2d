import type { SessionForm } from '$lib/domain/sessions/records';
import type { AttendeeTally } from '$lib/domain/sessions/tally';
import type { Tx } from '../db/types';
import { INSUFFICIENT_PRIVILEGE } from '../db/errors';
import { guarded, type Refusal } from './outcomes';
import { foreignReference, recordParams, sessionChecks, writeTally } from './session-rows';

/**
 * Changes a session record and replaces its attendee tally, all or nothing.
 * Outcomes: { ok: true } | { ok: false, field, error } as for recordSession |
 * { ok: false, error } for a tally over the attendance, or 'sessions.errors.guide_in_use' when
 * notes are tagged with the old guide's prompts | notAllowed (RLS, or not there).
 */
export async function updateSession(
	tx: Tx,
	input: { communityId: string; sessionId: string; form: SessionForm; tally: AttendeeTally }
): Promise<{ ok: true } | { ok: false; field: string; error: string } | Refusal> {
	const { form } = input;
	const foreign = await foreignReference(tx, input.communityId, form);
	if (foreign) return foreign;
	const result = await guarded(
		tx,
		async (sp) => {
			// counts first: lowering the attendance below the old tally must not be refused
			await sp.query('delete from public.session_attendee_counts where session_id = $1', [
				input.sessionId
			]);
			const updated = await sp.query(
				`update public.listening_sessions set kind = $2, held_on = $3, place = $4, language = $5,
					facilitator_id = $6, facilitator_name = $7, attendees = $8, consent_noted = $9,
					guide_id = $10, updated_at = now()
				where id = $1 and community_id = $11 returning id`,
				[input.sessionId, ...recordParams(form), input.communityId]
			);
			// not there or not the caller's to change: undo the deletion above too
			if (updated.length === 0)
				throw Object.assign(new Error('session not changed'), { code: INSUFFICIENT_PRIVILEGE });
			await writeTally(sp, input.sessionId, input.tally);
		},
		sessionChecks
	);
	return result.ok ? { ok: true } : result;
}

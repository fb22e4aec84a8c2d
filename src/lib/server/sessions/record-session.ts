import type { SessionForm } from '$lib/domain/sessions/records';
import type { AttendeeTally } from '$lib/domain/sessions/tally';
import type { Tx } from '../db/types';
import { guarded, type Refusal } from './outcomes';
import { foreignReference, recordParams, sessionChecks, writeTally } from './session-rows';

/**
 * Records a focus group, interview, meeting or observation with its attendee tally, all or
 * nothing.
 * Outcomes: { ok: true, id } | { ok: false, field, error } when the facilitator is not on the
 * team or the guide is not the community's | { ok: false, error: 'sessions.errors.tally_exceeds' }
 * when a dimension counts more people than attended | notAllowed (RLS: analysts, outsiders).
 */
export async function recordSession(
	tx: Tx,
	input: { communityId: string; form: SessionForm; tally: AttendeeTally }
): Promise<{ ok: true; id: string } | { ok: false; field: string; error: string } | Refusal> {
	const { form } = input;
	const foreign = await foreignReference(tx, input.communityId, form);
	if (foreign) return foreign;
	const result = await guarded(
		tx,
		async (sp) => {
			const [row] = await sp.query<{ id: string }>(
				`insert into public.listening_sessions (community_id, kind, held_on, place, language,
					facilitator_id, facilitator_name, attendees, consent_noted, guide_id, created_by)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, (select auth.uid())) returning id`,
				[input.communityId, ...recordParams(form)]
			);
			await writeTally(sp, row.id, input.tally);
			return row.id;
		},
		sessionChecks
	);
	return result.ok ? { ok: true, id: result.value } : result;
}

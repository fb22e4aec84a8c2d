import { newJoinCode } from '$lib/domain/events/join-code';
import type { EventForm } from '$lib/domain/events/forms';
import { newToken } from '../auth/tokens';
import { INSUFFICIENT_PRIVILEGE, pgError, UNIQUE_VIOLATION } from '../db/errors';
import type { Tx } from '../db/types';

const CODE_TRIES = 5;

/**
 * Creates an event with a fresh join code and presenter key.
 * Outcomes: { ok: true, id, joinCode } | { ok: false, error: 'events.errors.not_allowed' } when
 * the caller may not create events in the community (RLS) | { ok: false, error:
 * 'events.errors.questionnaire' } when the linked questionnaire is not the community's. A
 * refusal stores nothing. A code already taken (one in a billion) is drawn again.
 */
export async function createEvent(
	tx: Tx,
	input: EventForm & { communityId: string }
): Promise<{ ok: true; id: string; joinCode: string } | { ok: false; error: string }> {
	if (input.questionnaireId) {
		const [own] = await tx.query(
			'select 1 from public.questionnaires where id = $1 and community_id = $2',
			[input.questionnaireId, input.communityId]
		);
		if (!own) return { ok: false, error: 'events.errors.questionnaire' };
	}
	for (let attempt = 1; ; attempt++) {
		const joinCode = newJoinCode();
		try {
			const [row] = await tx.savepoint((sp) =>
				sp.query<{ id: string }>(
					`insert into public.events (community_id, kind, title, held_on, place, questionnaire_id,
						join_code, presenter_key, display, created_by)
					values ($1, $2, $3::jsonb, $4::date, $5, $6, $7, $8, $9, (select auth.uid())) returning id`,
					[
						input.communityId,
						input.kind,
						JSON.stringify(input.title),
						input.heldOn,
						input.place,
						input.questionnaireId,
						joinCode,
						newToken(),
						input.display
					]
				)
			);
			return { ok: true, id: row.id, joinCode };
		} catch (error) {
			const { code } = pgError(error);
			if (code === INSUFFICIENT_PRIVILEGE) return { ok: false, error: 'events.errors.not_allowed' };
			if (code === UNIQUE_VIOLATION && attempt < CODE_TRIES) continue;
			throw error;
		}
	}
}

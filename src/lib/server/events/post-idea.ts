import type { Lang } from '$lib/i18n/languages';
import { pgError } from '../db/errors';
import type { Tx } from '../db/types';

/**
 * A phone posts an idea to the event's wall; it shows once an organizer approves it.
 * Outcomes: { ok: true, outcome: 'created' | 'duplicate' } ('duplicate': this idea id was posted
 * already, a resend) | { ok: false, error: 'events.errors.closed' | 'events.errors.too_many_ideas' }.
 * Nothing is stored on a refusal.
 */
export async function postIdea(
	tx: Tx,
	input: { ideaId: string; eventId: string; deviceHash: string; idea: string; language: Lang }
): Promise<{ ok: true; outcome: 'created' | 'duplicate' } | { ok: false; error: string }> {
	try {
		const [row] = await tx.savepoint((sp) =>
			sp.query<{ outcome: 'created' | 'duplicate' }>(
				`select public.post_event_idea($1, $2, $3, $4, $5::public.content_language) as outcome`,
				[input.ideaId, input.eventId, input.deviceHash, input.idea, input.language]
			)
		);
		return { ok: true, outcome: row.outcome };
	} catch (error) {
		const { hint } = pgError(error);
		if (hint === 'event_closed') return { ok: false, error: 'events.errors.closed' };
		if (hint === 'too_many_ideas') return { ok: false, error: 'events.errors.too_many_ideas' };
		throw error;
	}
}

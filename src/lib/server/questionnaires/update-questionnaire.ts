import type { QuestionnaireSettings } from '$lib/domain/builder/forms';
import type { Queryable } from '../db/types';
import { notAllowed, type Refusal } from './builder-state';

/**
 * Changes a questionnaire's title, introduction, opening and closing dates, and whether residents
 * are offered to leave contact details.
 * Outcomes: { ok: true } | { ok: false, error: 'builder.errors.not_allowed' } when the caller
 * may not edit it (RLS shows them no row to change).
 */
export async function updateQuestionnaire(
	tx: Queryable,
	// offersContact left out: unchanged
	input: Omit<QuestionnaireSettings, 'offersContact'> & {
		questionnaireId: string;
		offersContact?: boolean;
	}
): Promise<{ ok: true } | Refusal> {
	const rows = await tx.query(
		`update public.questionnaires
		set title = $2::jsonb, intro = $3::jsonb, opens_at = $4, closes_at = $5, offers_contact = coalesce($6, offers_contact),
			updated_at = now()
		where id = $1 returning id`,
		[
			input.questionnaireId,
			JSON.stringify(input.title),
			JSON.stringify(input.intro),
			input.opensAt?.toISOString() ?? null,
			input.closesAt?.toISOString() ?? null,
			input.offersContact ?? null
		]
	);
	return rows.length > 0 ? { ok: true } : notAllowed;
}

import type { Tx } from '../db/types';
import { guardedInsert, touch, type Refusal } from './builder-state';

/**
 * Adds an empty section at the end of a questionnaire.
 * Outcomes: { ok: true, id } | { ok: false, error: 'builder.errors.not_allowed' } (RLS).
 */
export async function addSection(
	tx: Tx,
	input: { questionnaireId: string }
): Promise<{ ok: true; id: string } | Refusal> {
	const inserted = await guardedInsert(tx, (sp) =>
		sp.query<{ id: string }>(
			`insert into public.questionnaire_sections (questionnaire_id, position)
			values ($1, (select coalesce(max(position) + 1, 0) from public.questionnaire_sections
				where questionnaire_id = $1))
			returning id`,
			[input.questionnaireId]
		)
	);
	if (!inserted.ok) return inserted;
	await touch(tx, input.questionnaireId);
	return { ok: true, id: inserted.value[0].id };
}

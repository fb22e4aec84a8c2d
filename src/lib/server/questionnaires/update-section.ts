import { z } from 'zod';
import { earlierQuestions } from '$lib/domain/builder/arrangement';
import { bilingualFrom } from '$lib/domain/builder/forms';
import { conditionErrors, conditionFrom, type FormRecord } from '$lib/domain/builder/question-form';
import { bilingual, conditionSchema } from '$lib/domain/questionnaires';
import { nestedFieldErrors, type FieldErrors } from '$lib/domain/validation';
import type { Queryable } from '../db/types';
import { loadBuilderState, notAllowed, notFound, touch, type Refusal } from './builder-state';

const sectionSettings = z.object({ title: bilingual, condition: conditionSchema.optional() });

/**
 * Changes a section's title and its condition, from the editor's form (title.en, title.fr,
 * condition.questionId, condition.operator, condition.value). A condition may only test a
 * question of an earlier section, with a test and a value that suit that question.
 * Outcomes: { ok: true } | { ok: false, errors } by field name | { ok: false, error } when the
 * section is not found or the caller may not edit it (RLS).
 */
export async function updateSection(
	tx: Queryable,
	input: { questionnaireId: string; sectionId: string; values: FormRecord }
): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | Refusal> {
	const state = await loadBuilderState(tx, input.questionnaireId);
	if (!state?.definition.sections.some((section) => section.id === input.sectionId))
		return notFound;
	const earlier = earlierQuestions(state.definition, input.sectionId);
	const parsed = sectionSettings.safeParse({
		title: bilingualFrom(input.values, 'title'),
		condition: conditionFrom(input.values, earlier)
	});
	if (!parsed.success) return { ok: false, errors: nestedFieldErrors(parsed.error) };
	const errors = conditionErrors(parsed.data.condition, earlier);
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const rows = await tx.query(
		`update public.questionnaire_sections set title = $3::jsonb, condition = $4::jsonb
		where id = $2 and questionnaire_id = $1 returning id`,
		[
			input.questionnaireId,
			input.sectionId,
			JSON.stringify(parsed.data.title),
			parsed.data.condition ? JSON.stringify(parsed.data.condition) : null
		]
	);
	if (rows.length === 0) return notAllowed;
	await touch(tx, input.questionnaireId);
	return { ok: true };
}

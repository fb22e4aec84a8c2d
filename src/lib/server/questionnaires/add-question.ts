import { newQuestion } from '$lib/domain/builder/arrangement';
import type { QuestionType } from '$lib/domain/questionnaires';
import type { Tx } from '../db/types';
import { guardedInsert, loadBuilderState, notFound, touch, type Refusal } from './builder-state';
import { rowFromQuestion } from './question-rows';

/**
 * Adds a question of a type at the end of a section, blank but for sensible settings (see
 * newQuestion: two blank options for the choice types, the usual text limits, an unused
 * demographic dimension).
 * Outcomes: { ok: true, id } | { ok: false, error } when the section is not found or the caller
 * may not edit the questionnaire (RLS).
 */
export async function addQuestion(
	tx: Tx,
	input: { questionnaireId: string; sectionId: string; type: QuestionType }
): Promise<{ ok: true; id: string } | Refusal> {
	const state = await loadBuilderState(tx, input.questionnaireId);
	if (!state?.definition.sections.some((section) => section.id === input.sectionId))
		return notFound;
	const usedDimensions = state.definition.sections
		.flatMap((section) => section.questions)
		.flatMap((question) => (question.type === 'demographic' ? [question.dimension] : []));
	const question = newQuestion(input.type, crypto.randomUUID(), usedDimensions);
	const row = rowFromQuestion(question);
	const inserted = await guardedInsert(tx, (sp) =>
		sp.query(
			`insert into public.questions
				(id, questionnaire_id, section_id, position, type, prompt, help, required, config, condition)
			values ($1, $2, $3,
				(select coalesce(max(position) + 1, 0) from public.questions where section_id = $3),
				$4::public.question_type, $5::jsonb, $6::jsonb, $7, $8::jsonb, $9::jsonb)`,
			[
				question.id,
				input.questionnaireId,
				input.sectionId,
				row.type,
				JSON.stringify(row.prompt),
				row.help ? JSON.stringify(row.help) : null,
				row.required,
				JSON.stringify(row.config),
				row.condition ? JSON.stringify(row.condition) : null
			]
		)
	);
	if (!inserted.ok) return inserted;
	await touch(tx, input.questionnaireId);
	return { ok: true, id: question.id };
}

import {
	arrangementOf,
	duplicateQuestion as copyOf,
	findQuestion,
	insertAfter
} from '$lib/domain/builder/arrangement';
import type { Tx } from '../db/types';
import {
	guardedInsert,
	loadBuilderState,
	notFound,
	writeArrangement,
	type Refusal
} from './builder-state';
import { rowFromQuestion } from './question-rows';

/**
 * Copies a question right after itself, under a new id; a choice question keeps the same option
 * keys, so answers to the two compare. A demographic question is not copied: each dimension is
 * asked once.
 * Outcomes: { ok: true, id } | { ok: false, error } — 'builder.errors.demographic_once', not
 * found, or not allowed (RLS).
 */
export async function duplicateQuestion(
	tx: Tx,
	input: { questionnaireId: string; questionId: string }
): Promise<{ ok: true; id: string } | Refusal> {
	const state = await loadBuilderState(tx, input.questionnaireId);
	const found = state && findQuestion(state.definition, input.questionId);
	if (!state || !found) return notFound;
	if (found.question.type === 'demographic')
		return { ok: false, error: 'builder.errors.demographic_once' };
	const copy = copyOf(found.question, crypto.randomUUID());
	const row = rowFromQuestion(copy);
	const inserted = await guardedInsert(tx, async (sp) => {
		await sp.query(
			`insert into public.questions
				(id, questionnaire_id, section_id, position, type, prompt, help, required, config, condition)
			values ($1, $2, $3, $4, $5::public.question_type, $6::jsonb, $7::jsonb, $8, $9::jsonb, $10::jsonb)`,
			[
				copy.id,
				input.questionnaireId,
				found.section.id,
				found.index + 1,
				row.type,
				JSON.stringify(row.prompt),
				row.help ? JSON.stringify(row.help) : null,
				row.required,
				JSON.stringify(row.config),
				row.condition ? JSON.stringify(row.condition) : null
			]
		);
		await writeArrangement(
			sp,
			input.questionnaireId,
			insertAfter(arrangementOf(state.definition), input.questionId, copy.id)
		);
	});
	return inserted.ok ? { ok: true, id: copy.id } : inserted;
}

import { earlierQuestions, findQuestion } from '$lib/domain/builder/arrangement';
import {
	conditionErrors,
	questionFromForm,
	type FormRecord
} from '$lib/domain/builder/question-form';
import {
	meaningChanges,
	questionSchema,
	type MeaningChange,
	type Question,
	type QuestionnaireDefinition
} from '$lib/domain/questionnaires';
import { nestedFieldErrors, type FieldErrors } from '$lib/domain/validation';
import type { Queryable } from '../db/types';
import { loadBuilderState, notAllowed, notFound, touch, type Refusal } from './builder-state';
import { rowFromQuestion } from './question-rows';

/** A definition holding one question, to compare two versions of it with meaningChanges. */
const holding = (question: Question): QuestionnaireDefinition => ({
	title: { en: '', fr: '' },
	sections: [{ id: question.id, title: { en: '', fr: '' }, questions: [question] }]
});

/**
 * Saves a question from the editor's form (see questionFromForm for its fields), validated with
 * questionSchema, its condition checked against the questions before it.
 * Once the questionnaire has responses, an edit that would change what stored answers mean
 * (an option removed or its key changed, a different scale or dimension) is refused and each
 * such change listed; rewording in either language is always allowed.
 * Outcomes: { ok: true } | { ok: false, errors } by form field name | { ok: false,
 * meaningChanges } | { ok: false, error } when the question is not found or the caller may not
 * edit it (RLS). Nothing is stored unless the outcome is ok.
 */
export async function saveQuestion(
	tx: Queryable,
	input: { questionnaireId: string; questionId: string; values: FormRecord }
): Promise<
	| { ok: true }
	| { ok: false; errors: FieldErrors }
	| { ok: false; meaningChanges: MeaningChange[] }
	| Refusal
> {
	const state = await loadBuilderState(tx, input.questionnaireId);
	const found = state && findQuestion(state.definition, input.questionId);
	if (!state || !found) return notFound;
	const earlier = earlierQuestions(state.definition, input.questionId);
	const { question, fieldOf } = questionFromForm(found.question, input.values, earlier);

	const parsed = questionSchema.safeParse(question);
	if (!parsed.success) {
		const errors: FieldErrors = {};
		for (const [path, error] of Object.entries(nestedFieldErrors(parsed.error)))
			errors[fieldOf(path)] ??= error;
		return { ok: false, errors };
	}
	const errors = conditionErrors(parsed.data.condition, earlier);
	if (Object.keys(errors).length > 0) return { ok: false, errors };

	if (state.responses > 0) {
		// A question stored before the questionnaire had responses was valid when it opened;
		// if it no longer parses there is nothing reliable to compare with, and nothing to keep.
		const before = questionSchema.safeParse(found.question);
		const changes = before.success
			? meaningChanges(holding(before.data), holding(parsed.data))
			: [];
		if (changes.length > 0) return { ok: false, meaningChanges: changes };
	}

	const row = rowFromQuestion(parsed.data);
	const rows = await tx.query(
		`update public.questions
		set type = $3::public.question_type, prompt = $4::jsonb, help = $5::jsonb, required = $6,
			config = $7::jsonb, condition = $8::jsonb
		where id = $2 and questionnaire_id = $1 returning id`,
		[
			input.questionnaireId,
			input.questionId,
			row.type,
			JSON.stringify(row.prompt),
			row.help ? JSON.stringify(row.help) : null,
			row.required,
			JSON.stringify(row.config),
			row.condition ? JSON.stringify(row.condition) : null
		]
	);
	if (rows.length === 0) return notAllowed;
	await touch(tx, input.questionnaireId);
	return { ok: true };
}

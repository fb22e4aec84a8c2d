import { arrangementOf, dependentsOf, without } from '$lib/domain/builder/arrangement';
import type { ItemKind } from '$lib/domain/builder/forms';
import type { QuestionInput } from '$lib/domain/questionnaires';
import type { Queryable } from '../db/types';
import {
	loadBuilderState,
	notAllowed,
	notFound,
	writeArrangement,
	type Refusal
} from './builder-state';

/** Stored answers to a question (a demographic one's are stored by dimension). */
async function answersTo(
	tx: Queryable,
	questionnaireId: string,
	question: QuestionInput
): Promise<number> {
	const [row] = await tx.query<{ count: number }>(
		`select (select count(*)::int from public.answers a where a.question_id = $1)
			+ (select count(*)::int from public.demographic_answers d
				join public.responses r on r.id = d.response_id
				where r.questionnaire_id = $2 and d.dimension = $3) as count`,
		[question.id, questionnaireId, question.type === 'demographic' ? question.dimension : null]
	);
	return row.count;
}

/**
 * Deletes a section (with its questions) or a question, and closes the gap in positions.
 * Refused, with nothing deleted: 'builder.errors.has_answers' when people have answered a
 * question that would go; 'builder.errors.has_dependents' when a condition elsewhere depends on
 * it; 'builder.errors.last_section' for a questionnaire's only section; not found; not allowed
 * (RLS). Outcomes: { ok: true } | { ok: false, error }.
 */
export async function deleteItem(
	tx: Queryable,
	input: { questionnaireId: string; kind: ItemKind; id: string }
): Promise<{ ok: true } | Refusal> {
	const state = await loadBuilderState(tx, input.questionnaireId);
	if (!state) return notFound;
	const { sections } = state.definition;
	const section = sections.find((candidate) => candidate.id === input.id);
	const question = sections
		.flatMap((candidate) => candidate.questions)
		.find((candidate) => candidate.id === input.id);
	const going = input.kind === 'section' ? section?.questions : question ? [question] : undefined;
	if (!going) return notFound;
	if (input.kind === 'section' && sections.length === 1)
		return { ok: false, error: 'builder.errors.last_section' };

	for (const gone of going)
		if ((await answersTo(tx, input.questionnaireId, gone)) > 0)
			return { ok: false, error: 'builder.errors.has_answers' };
	const goingIds = new Set([input.id, ...going.map((gone) => gone.id)]);
	const dependents = going.flatMap((gone) => dependentsOf(state.definition, gone.id));
	if (dependents.some((id) => !goingIds.has(id)))
		return { ok: false, error: 'builder.errors.has_dependents' };

	const table = input.kind === 'section' ? 'questionnaire_sections' : 'questions';
	const deleted = await tx.query(
		`delete from public.${table} where id = $2 and questionnaire_id = $1 returning id`,
		[input.questionnaireId, input.id]
	);
	if (deleted.length === 0) return notAllowed;
	await writeArrangement(
		tx,
		input.questionnaireId,
		without(arrangementOf(state.definition), input.id)
	);
	return { ok: true };
}

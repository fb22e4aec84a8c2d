import type { Arrangement } from '$lib/domain/builder/arrangement';
import { INSUFFICIENT_PRIVILEGE, pgError } from '../db/errors';
import type { Queryable, Tx } from '../db/types';
import { loadQuestionnaire, type LoadedQuestionnaire } from './load-questionnaire';

/*
 * What the builder's commands share: the questionnaire as the caller sees it with its number
 * of responses, the refusals they answer with, and how they write the order of things.
 */

export interface BuilderState extends LoadedQuestionnaire {
	/** Responses the caller can see: everyone who may edit can see them all. */
	responses: number;
}

export type Refusal = { ok: false; error: string };

/** RLS refused the change: the caller may not edit this community's questionnaires. */
export const notAllowed: Refusal = { ok: false, error: 'builder.errors.not_allowed' };
/** The questionnaire, section or question is not there (or not visible to the caller). */
export const notFound: Refusal = { ok: false, error: 'builder.errors.not_found' };

export async function loadBuilderState(
	tx: Queryable,
	questionnaireId: string
): Promise<BuilderState | null> {
	const loaded = await loadQuestionnaire(tx, { id: questionnaireId });
	if (!loaded) return null;
	const [row] = await tx.query<{ count: number }>(
		'select count(*)::int as count from public.responses where questionnaire_id = $1',
		[questionnaireId]
	);
	return { ...loaded, responses: row.count };
}

/**
 * Runs inserts in a savepoint, so that a row-level security refusal (analysts, volunteers)
 * becomes an answer and leaves the transaction usable.
 */
export async function guardedInsert<T>(
	tx: Tx,
	fn: (sp: Tx) => Promise<T>
): Promise<{ ok: true; value: T } | Refusal> {
	try {
		return { ok: true, value: await tx.savepoint(fn) };
	} catch (error) {
		if (pgError(error).code !== INSUFFICIENT_PRIVILEGE) throw error;
		return notAllowed;
	}
}

/**
 * Writes an order of sections and questions as dense positions (0, 1, 2 …), each question in
 * its section. Returns how many rows the caller was allowed to change: 0 means none (RLS).
 */
export async function writeArrangement(
	tx: Queryable,
	questionnaireId: string,
	arrangement: Arrangement
): Promise<number> {
	const sections = arrangement.map((section, position) => ({ id: section.sectionId, position }));
	const questions = arrangement.flatMap((section) =>
		section.questionIds.map((id, position) => ({ id, section_id: section.sectionId, position }))
	);
	const movedSections = await tx.query(
		`update public.questionnaire_sections s set position = v.position
		from jsonb_to_recordset($1::jsonb) as v(id uuid, position int)
		where s.id = v.id and s.questionnaire_id = $2 returning s.id`,
		[JSON.stringify(sections), questionnaireId]
	);
	const movedQuestions = await tx.query(
		`update public.questions q set section_id = v.section_id, position = v.position
		from jsonb_to_recordset($1::jsonb) as v(id uuid, section_id uuid, position int)
		where q.id = v.id and q.questionnaire_id = $2 returning q.id`,
		[JSON.stringify(questions), questionnaireId]
	);
	await tx.query('update public.questionnaires set updated_at = now() where id = $1', [
		questionnaireId
	]);
	return movedSections.length + movedQuestions.length;
}

/** Marks a questionnaire as changed now. */
export async function touch(tx: Queryable, questionnaireId: string): Promise<void> {
	await tx.query('update public.questionnaires set updated_at = now() where id = $1', [
		questionnaireId
	]);
}

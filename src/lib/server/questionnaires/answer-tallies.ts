/**
 * A questionnaire's answers counted in the database by public.answer_tallies, from the running
 * counts kept as responses arrive (20261123000000_response_cube.sql): one row per question (or
 * demographic dimension), distinct answer and cell, so the work here grows with the number of
 * distinct answers, never with the number of responses.
 *
 * The cell is a respondent's values on the weighting dimensions (none: one cell, everyone).
 * Written answers and "other" texts count as "" (answered); their words are read apart.
 * Someone who may not read the questionnaire's responses gets no rows.
 */
import type { DemographicDimension, Question } from '$lib/domain/questionnaires';
import type { ResultsFilter } from '$lib/domain/results/filters';
import type { Queryable } from '../db/types';

export interface AnswerTally {
	/** the question id, or `dimension:<name>` for a demographic question */
	key: string;
	value: unknown;
	cell: (string | null)[];
	count: number;
}

/** The key a question's tallies carry. */
export const tallyKey = (question: Question) =>
	question.type === 'demographic' ? `dimension:${question.dimension}` : question.id;

/** A results filter as public.answer_tallies (and public.latest_answer_texts) reads it. */
export function filterJson(filter: ResultsFilter) {
	return JSON.stringify({
		channel: filter.channel ?? null,
		language: filter.language ?? null,
		demographics: filter.demographics
	});
}

/**
 * The filtered view's tallies of these questions, by cell on the weighting dimensions; with
 * `respondents`, also one row per cell (key 'respondents') counting the responses themselves.
 */
export function answerTallies(
	tx: Queryable,
	input: {
		questionnaireId: string;
		questions: readonly Question[];
		filter: ResultsFilter;
		weighting?: readonly DemographicDimension[];
		respondents?: boolean;
	}
): Promise<AnswerTally[]> {
	return tx.query<AnswerTally>(
		`select key, value, cell, count
		from public.answer_tallies($1, $2::jsonb, $3::jsonb, $4::jsonb, $5::jsonb)
		where $6 or key <> 'respondents'`,
		[
			input.questionnaireId,
			JSON.stringify(input.weighting ?? []),
			filterJson(input.filter),
			JSON.stringify(input.questions.filter((q) => q.type !== 'demographic').map((q) => q.id)),
			JSON.stringify(
				input.questions.flatMap((q) => (q.type === 'demographic' ? [q.dimension] : []))
			),
			input.respondents === true
		]
	);
}

/** Tallies grouped by their key. */
export function byKey<T extends { key: string }>(rows: readonly T[]): Map<string, T[]> {
	const grouped = new Map<string, T[]>();
	for (const row of rows) {
		const list = grouped.get(row.key) ?? [];
		list.push(row);
		grouped.set(row.key, list);
	}
	return grouped;
}

import type { Answers, Demographics } from './answers';
import { allQuestions, type QuestionnaireDefinition } from './definition';
import { answerField, CONSENT_VALUE, OTHER_CHOICE, otherField, rankField } from './rules';
import type { Question } from './question-types';

/*
 * How answers travel in a plain HTML form, so that questionnaires work without JavaScript:
 *   q_<id>                    the answer: an option value, 'yes'/'no', a scale point ('1'…'5',
 *                             '0'…'10'), a number or text; repeated for multiple-choice checkboxes
 *   q_<id>                    = OTHER_CHOICE for the "Other" radio button or checkbox
 *   q_<id>_other              the text written for "Other"
 *   q_<id>_rank_<optionValue> the position (1…top) given to an option; blank when unranked
 *   q_<id>                    = CONSENT_VALUE on a consent checkbox
 */

export { answerField, CONSENT_VALUE, otherField, rankField } from './rules';

/** A form's fields, such as a FormData or URLSearchParams; files are ignored. */
export type FormEntries = Iterable<readonly [string, unknown]>;

/** Every string value posted under each name, in order. */
export function formFields(entries: FormEntries): Map<string, string[]> {
	const fields = new Map<string, string[]>();
	for (const [name, value] of entries) {
		if (typeof value !== 'string') continue;
		const values = fields.get(name);
		if (values) values.push(value);
		else fields.set(name, [value]);
	}
	return fields;
}

/** Several values for a single-valued question are passed on, for validation to refuse. */
function oneOrMany(values: string[]): string | string[] | undefined {
	return values.length > 1 ? values : values[0];
}

function rawAnswer(question: Question, fields: Map<string, string[]>): unknown {
	const values = fields.get(answerField(question.id)) ?? [];
	const other = fields.get(otherField(question.id))?.[0] ?? '';
	// Text typed in the "Other" box counts as choosing "Other", even if its button was not
	// ticked: without JavaScript nothing ticks it for the resident.
	const wroteOther =
		'allowOther' in question && question.allowOther === true && other.trim() !== '';
	switch (question.type) {
		case 'single_choice': {
			const choseNothing = values.every((value) => value.trim() === '');
			if (values.length === 1 && values[0] === OTHER_CHOICE) return { other };
			if (wroteOther && choseNothing) return { other };
			return oneOrMany(values);
		}
		case 'multiple_choice':
			if (values.includes(OTHER_CHOICE) || wroteOther) return { selected: values, other };
			return values.length > 0 ? values : undefined;
		case 'ranking': {
			const positions: Record<string, string> = {};
			for (const option of question.options) {
				const position = fields.get(rankField(question.id, option.value))?.[0] ?? '';
				if (position.trim() !== '') positions[option.value] = position;
			}
			return Object.keys(positions).length > 0 ? positions : undefined;
		}
		default:
			return oneOrMany(values);
	}
}

/**
 * The posted answers by question id, as input for validateResponse. Every question of the
 * definition is read; which ones count is for validateResponse to decide.
 */
export function answersFromForm(
	definition: QuestionnaireDefinition,
	entries: FormEntries
): Record<string, unknown> {
	const fields = formFields(entries);
	const raw: Record<string, unknown> = {};
	for (const question of allQuestions(definition)) {
		const answer = rawAnswer(question, fields);
		if (answer !== undefined) raw[question.id] = answer;
	}
	return raw;
}

function answerFields(question: Question, answer: unknown): [string, string][] {
	const name = answerField(question.id);
	if (answer === undefined || answer === null) return [];
	if (question.type === 'consent') return answer === true ? [[name, CONSENT_VALUE]] : [];
	if (question.type === 'ranking' && Array.isArray(answer))
		return answer.map((value, index) => [rankField(question.id, value), String(index + 1)]);
	if (Array.isArray(answer)) return answer.map((value) => [name, String(value)]);
	if (typeof answer === 'object') {
		const { selected = [], other } = answer as { selected?: string[]; other: string };
		return [
			...selected.map((value): [string, string] => [name, value]),
			[name, OTHER_CHOICE],
			[otherField(question.id), other]
		];
	}
	return [[name, String(answer)]];
}

/**
 * The form fields that re-fill a form with stored answers (a draft, a paper response being
 * corrected): the inverse of answersFromForm. Demographic answers, stored by dimension, may be
 * given separately.
 */
export function formFromAnswers(
	definition: QuestionnaireDefinition,
	answers: Readonly<Answers>,
	demographics: Readonly<Demographics> = {}
): [string, string][] {
	return allQuestions(definition).flatMap((question) =>
		answerFields(
			question,
			answers[question.id] ??
				(question.type === 'demographic' ? demographics[question.dimension] : undefined)
		)
	);
}

/*
 * The answering page's own reading of its form, in the browser: which questions the answers so
 * far show (so conditions apply as people answer), the answers to queue while offline, and the
 * required questions left blank.
 *
 * Field names and condition rules come from the domain's zod-free rules.ts; reading the form is
 * mirrored here without the zod schemas, which would more than double the page's script.
 * live.test.ts checks on generated questionnaires that both agree. The server always decides:
 * it validates every answer again.
 */
import { parseNumber } from '$lib/domain/questionnaires/numbers';
import {
	answerField,
	CONSENT_VALUE,
	isShown,
	isUnanswered,
	OTHER_CHOICE,
	OTHER_MAX_LENGTH,
	otherField,
	rankField
} from '$lib/domain/questionnaires/rules';
import type { QuestionView } from './view';

/** What the rules read of a question: the page's script gets no more than this (page-data.ts). */
export type QuestionRules = Pick<
	QuestionView,
	'id' | 'type' | 'required' | 'condition' | 'allowOther'
> & { options?: readonly { value: string }[] };

/** What the rules read of a questionnaire. */
export interface SurveyRules<Q extends QuestionRules = QuestionRules> {
	sections: readonly { condition?: QuestionView['condition']; questions: readonly Q[] }[];
}

export {
	answerField,
	CONSENT_VALUE,
	isShown,
	OTHER_CHOICE,
	OTHER_MAX_LENGTH,
	otherField,
	rankField
};

/** The question an answer field belongs to; undefined for other fields. */
export function questionOfField(name: string): string | undefined {
	return /^q_([0-9a-f-]{36})(?:_|$)/i.exec(name)?.[1];
}

/** Form fields by name, each with every value posted under it. */
export type Fields = ReadonlyMap<string, readonly string[]>;

export function formFields(entries: Iterable<readonly [string, unknown]>): Map<string, string[]> {
	const fields = new Map<string, string[]>();
	for (const [name, value] of entries) {
		if (typeof value !== 'string') continue;
		const values = fields.get(name);
		if (values) values.push(value);
		else fields.set(name, [value]);
	}
	return fields;
}

/** The answer fields of a form, as [name, value] pairs in order. */
export function answerEntries(fields: Fields): [string, string][] {
	return [...fields].flatMap(([name, values]) =>
		questionOfField(name) ? values.map((value): [string, string] => [name, value]) : []
	);
}

const oneOrMany = (values: readonly string[]) => (values.length > 1 ? [...values] : values[0]);

/** What the form says about one question, as answersFromForm reads it. */
export function rawAnswer(question: QuestionRules, fields: Fields): unknown {
	const values = fields.get(answerField(question.id)) ?? [];
	const other = fields.get(otherField(question.id))?.[0] ?? '';
	const wroteOther = question.allowOther === true && other.trim() !== '';
	switch (question.type) {
		case 'single_choice':
			if (values.length === 1 && values[0] === OTHER_CHOICE) return { other };
			if (wroteOther && values.every((value) => value.trim() === '')) return { other };
			return oneOrMany(values);
		case 'multiple_choice':
			if (values.includes(OTHER_CHOICE) || wroteOther) return { selected: [...values], other };
			return values.length > 0 ? [...values] : undefined;
		case 'ranking': {
			const positions: Record<string, string> = {};
			for (const { value } of question.options ?? []) {
				const position = fields.get(rankField(question.id, value))?.[0] ?? '';
				if (position.trim() !== '') positions[value] = position;
			}
			return Object.keys(positions).length > 0 ? positions : undefined;
		}
		default:
			return oneOrMany(values);
	}
}

/** Every question's answer, keyed by question id: the body the offline outbox sends. */
export function rawAnswers(survey: SurveyRules, fields: Fields): Record<string, unknown> {
	const answers: Record<string, unknown> = {};
	for (const section of survey.sections) {
		for (const question of section.questions) {
			const answer = rawAnswer(question, fields);
			if (answer !== undefined) answers[question.id] = answer;
		}
	}
	return answers;
}

/** The answer as a condition sees it; undefined when the server would not accept it. */
function conditionValue(question: QuestionRules, raw: unknown): unknown {
	if (typeof raw === 'string' && raw.trim() === '') return undefined;
	switch (question.type) {
		case 'number':
			return typeof raw === 'string' ? parseNumber(raw) : undefined;
		case 'ranking':
			return raw === undefined ? undefined : Object.keys(raw as object);
		case 'single_choice':
		case 'demographic':
			if (typeof raw === 'string' && !question.options?.some((o) => o.value === raw.trim()))
				return undefined;
			return raw;
		default:
			return raw;
	}
}

export interface VisibleSection<Q extends QuestionRules = QuestionView> {
	/** index in the questionnaire's sections */
	index: number;
	questions: Q[];
}

/** The sections and questions the answers so far show, in order (walkVisible). */
export function visibleSections<Q extends QuestionRules>(
	survey: SurveyRules<Q>,
	fields: Fields
): VisibleSection<Q>[] {
	const answers: Record<string, unknown> = {};
	const visible: VisibleSection<Q>[] = [];
	survey.sections.forEach((section, index) => {
		if (!isShown(section.condition, answers)) return;
		const questions: Q[] = [];
		for (const question of section.questions) {
			if (!isShown(question.condition, answers)) continue;
			questions.push(question);
			const value = conditionValue(question, rawAnswer(question, fields));
			if (value !== undefined) answers[question.id] = value;
		}
		visible.push({ index, questions });
	});
	return visible;
}

/** Shown required questions left blank, with the server's locale keys. */
export function missingRequired(survey: SurveyRules, fields: Fields): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const { questions } of visibleSections(survey, fields)) {
		for (const question of questions) {
			if (!question.required || !isUnanswered(rawAnswer(question, fields))) continue;
			errors[question.id] =
				question.type === 'consent' ? 'answer_errors.consent_required' : 'answer_errors.required';
		}
	}
	return errors;
}

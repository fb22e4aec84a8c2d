import { z } from 'zod';
import type { AnswerValue } from './answers';
import type { QuestionnaireDefinition, Section } from './definition';
import { OTHER_CHOICE } from './options';
import type { Question, QuestionType } from './question-types';

export const conditionOperators = ['equals', 'includes', 'not_includes', 'at_least'] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

export const conditionSchema = z.object({
	questionId: z.uuid('errors.invalid'),
	operator: z.enum(conditionOperators, 'errors.invalid_choice'),
	value: z.union(
		[z.string().trim().min(1, 'errors.required').max(100, 'errors.too_long'), z.number()],
		'errors.invalid'
	)
});
export type Condition = z.infer<typeof conditionSchema>;

/** Validated answers by question id. */
export type Answers = Record<string, AnswerValue>;

/**
 * Which tests make sense on the answers to each question type. Free text and consent cannot be
 * tested: conditions on what people wrote would be fragile, and consent is always "given".
 * For single answers includes/not_includes mean equal/not equal, so "is not 'car'" is writable.
 */
export const conditionOperatorsFor: Record<QuestionType, readonly ConditionOperator[]> = {
	single_choice: ['equals', 'includes', 'not_includes'],
	multiple_choice: ['includes', 'not_includes'],
	ranking: ['includes', 'not_includes'],
	demographic: ['equals', 'includes', 'not_includes'],
	yes_no: ['equals', 'includes', 'not_includes'],
	agreement_scale: ['equals', 'includes', 'not_includes', 'at_least'],
	rating: ['equals', 'includes', 'not_includes', 'at_least'],
	number: ['equals', 'includes', 'not_includes', 'at_least'],
	short_text: [],
	long_text: [],
	consent: []
};

function isUnanswered(answer: unknown): boolean {
	return (
		answer === undefined ||
		answer === null ||
		(typeof answer === 'string' && answer.trim() === '') ||
		(Array.isArray(answer) && answer.length === 0)
	);
}

function hasOther(answer: unknown): answer is { other: string } {
	return typeof answer === 'object' && answer !== null && 'other' in answer;
}

/** The single value of a scalar answer; undefined for lists (a multiple choice or a ranking). */
function scalarOf(answer: unknown): string | number | undefined {
	if (typeof answer === 'string' || typeof answer === 'number') return answer;
	if (answer === true) return 'yes';
	if (hasOther(answer) && !('selected' in answer)) return OTHER_CHOICE;
	return undefined;
}

/** Every value an answer contains: the choices of a list, or the one value of a scalar. */
function membersOf(answer: unknown): (string | number)[] {
	if (Array.isArray(answer)) return answer.filter((item) => typeof item === 'string');
	if (hasOther(answer) && 'selected' in answer && Array.isArray(answer.selected))
		return [...answer.selected, OTHER_CHOICE];
	const scalar = scalarOf(answer);
	return scalar === undefined ? [] : [scalar];
}

function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : undefined;
}

/** Numbers compare as numbers whichever side is a string (forms post "4" for a rating of 4). */
function same(answer: string | number, value: string | number): boolean {
	if (typeof answer === 'number' || typeof value === 'number') {
		const left = toNumber(answer);
		return left !== undefined && left === toNumber(value);
	}
	return answer === value;
}

/**
 * Whether a question or section with this condition is shown. An unanswered question makes
 * every test false except not_includes ("did not choose X" holds when nothing was chosen).
 */
export function isShown(condition: Condition | undefined, answers: Readonly<Answers>): boolean {
	if (!condition) return true;
	const answer: unknown = answers[condition.questionId];
	const { operator, value } = condition;
	if (isUnanswered(answer)) return operator === 'not_includes';
	switch (operator) {
		case 'equals': {
			const scalar = scalarOf(answer);
			return scalar !== undefined && same(scalar, value);
		}
		case 'includes':
			return membersOf(answer).some((member) => same(member, value));
		case 'not_includes':
			return !membersOf(answer).some((member) => same(member, value));
		case 'at_least': {
			const number = toNumber(scalarOf(answer));
			const threshold = toNumber(value);
			return number !== undefined && threshold !== undefined && number >= threshold;
		}
	}
}

export type VisibleSection = { section: Section; questions: Question[] };

/**
 * Sections and questions in order, keeping those shown. `answerOf` gives the answer to record for
 * each shown question; answers to hidden questions are never recorded, so they count as
 * unanswered for later conditions. Conditions only look backwards, so one pass is enough.
 */
export function walkVisible(
	definition: QuestionnaireDefinition,
	answerOf: (question: Question) => AnswerValue | undefined
): VisibleSection[] {
	const recorded: Answers = {};
	const visible: VisibleSection[] = [];
	for (const section of definition.sections) {
		if (!isShown(section.condition, recorded)) continue;
		const questions: Question[] = [];
		for (const question of section.questions) {
			if (!isShown(question.condition, recorded)) continue;
			questions.push(question);
			const answer = answerOf(question);
			if (answer !== undefined) recorded[question.id] = answer;
		}
		visible.push({ section, questions });
	}
	return visible;
}

/** The shown sections (possibly with no shown questions) and their shown questions. */
export function visibleQuestions(
	definition: QuestionnaireDefinition,
	answers: Readonly<Answers>
): VisibleSection[] {
	return walkVisible(definition, (question) => answers[question.id]);
}

/*
 * The rules the answering page needs in the browser as well as on the server: how answers are
 * named in a form and when a condition shows a question. Kept free of the zod schemas, which
 * would more than double the page's script; the schemas and the rest of the domain build on it.
 */

/**
 * What a form posts, and what a condition compares with, when a resident picks "Other" and
 * writes their own answer. It cannot match an option value, so it never collides with one.
 */
export const OTHER_CHOICE = '@other';

/** Longest "Other" text a resident may write. */
export const OTHER_MAX_LENGTH = 200;

/** What a ticked consent box posts. */
export const CONSENT_VALUE = 'yes';

export function answerField(questionId: string): string {
	return `q_${questionId}`;
}

export function otherField(questionId: string): string {
	return `q_${questionId}_other`;
}

export function rankField(questionId: string, optionValue: string): string {
	return `q_${questionId}_rank_${optionValue}`;
}

export const conditionOperators = ['equals', 'includes', 'not_includes', 'at_least'] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

/** A condition as stored: shown only when an earlier question's answer passes the test. */
export type ConditionRule = {
	questionId: string;
	operator: ConditionOperator;
	value: string | number;
};

/** Nothing given: no value, blank text or an empty list. */
export function isUnanswered(answer: unknown): boolean {
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
export function isShown(
	condition: ConditionRule | undefined,
	answers: Readonly<Record<string, unknown>>
): boolean {
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

import { walkVisible, type Answers } from './conditions';
import type { DemographicDimension } from './demographics';
import type { QuestionnaireDefinition } from './definition';
import { parseNumber } from './numbers';
import { OTHER_CHOICE, OTHER_MAX_LENGTH } from './options';
import {
	choicesOf,
	RATING_MAX,
	RATING_MIN,
	type Question,
	type QuestionOf,
	type QuestionType
} from './question-types';

/** The stored (validated) answer for each question type. */
export type AnswerByType = {
	/** An option value, or what the resident wrote after choosing "Other". */
	single_choice: string | { other: string };
	/** Option values in the question's option order; the object form carries "Other" text. */
	multiple_choice: string[] | { selected: string[]; other: string };
	/** 1 (strongly disagree) … 5 (strongly agree). */
	agreement_scale: number;
	/** Whole number 0 … 10. */
	rating: number;
	/** Option values, most preferred first; exactly `top` of them. */
	ranking: string[];
	yes_no: 'yes' | 'no';
	number: number;
	short_text: string;
	long_text: string;
	/** Only ever true: not consenting is not answering. */
	consent: true;
	/** An option value of the dimension, possibly 'prefer_not_to_say'. */
	demographic: string;
};
export type AnswerValue = AnswerByType[QuestionType];
export type { Answers };

/** Demographic answers by dimension; stored apart from the other answers. */
export type Demographics = Partial<Record<DemographicDimension, string>>;

/** `value: undefined` means the question was left blank, which is not an error by itself. */
export type AnswerResult<T = AnswerValue> =
	{ ok: true; value: T | undefined } | { ok: false; error: string };

export type ResponseResult =
	| { ok: true; answers: Answers; demographics: Demographics }
	| { ok: false; errors: Record<string, string> };

const blank = { ok: true, value: undefined } as const;
const accept = <T>(value: T): AnswerResult<T> => ({ ok: true, value });
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

const MANY = Symbol('many values');

/** Forms post a list for repeated names; a single-valued question takes a list of at most one. */
function single(raw: unknown): unknown {
	if (!Array.isArray(raw)) return raw;
	if (raw.length > 1) return MANY;
	return raw[0];
}

function isBlank(raw: unknown): boolean {
	return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function isRecord(raw: unknown): raw is Record<string, unknown> {
	return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** Forms post line breaks as CRLF; counting those twice would refuse text within the limit. */
function cleanText(text: string): string {
	return text.replace(/\r\n?/g, '\n').trim();
}

/** Length in characters (code points), as Postgres char_length counts them. */
function length(text: string): number {
	return [...text].length;
}

function otherText(raw: unknown): AnswerResult<string> {
	if (raw !== undefined && typeof raw !== 'string') return fail('answer_errors.invalid');
	const text = cleanText(raw ?? '');
	if (text === '') return fail('answer_errors.other_empty');
	if (length(text) > OTHER_MAX_LENGTH) return fail('answer_errors.too_long');
	return accept(text);
}

function singleChoice(question: QuestionOf<'single_choice'>, raw: unknown) {
	if (isRecord(raw) && 'other' in raw) {
		if (!question.allowOther) return fail('answer_errors.not_an_option');
		const other = otherText(raw.other);
		return other.ok ? accept({ other: other.value! }) : other;
	}
	const value = single(raw);
	if (value === MANY) return fail('answer_errors.invalid');
	if (isBlank(value)) return blank;
	if (typeof value !== 'string') return fail('answer_errors.not_an_option');
	const choice = value.trim();
	if (choice === OTHER_CHOICE && question.allowOther) return fail('answer_errors.other_empty');
	if (!question.options.some((option) => option.value === choice))
		return fail('answer_errors.not_an_option');
	return accept(choice);
}

function multipleChoice(question: QuestionOf<'multiple_choice'>, raw: unknown) {
	let listed: unknown = raw;
	let other: unknown;
	let otherChosen = false;
	if (isRecord(raw)) {
		listed = raw.selected ?? [];
		otherChosen = 'other' in raw;
		other = raw.other;
	}
	if (isBlank(listed)) listed = [];
	if (typeof listed === 'string') listed = [listed];
	if (!Array.isArray(listed) || !listed.every((item) => typeof item === 'string'))
		return fail('answer_errors.invalid');
	const chosen = new Set(listed.map((item: string) => item.trim()).filter(Boolean));
	// A ticked "Other" box posts OTHER_CHOICE, with or without text in the box beside it.
	if (chosen.delete(OTHER_CHOICE)) otherChosen = true;
	if ([...chosen].some((value) => !question.options.some((option) => option.value === value)))
		return fail('answer_errors.not_an_option');
	if (otherChosen && !question.allowOther) return fail('answer_errors.not_an_option');
	const count = chosen.size + (otherChosen ? 1 : 0);
	if (count === 0) return blank;
	if (question.maxSelections !== undefined && count > question.maxSelections)
		return fail('answer_errors.too_many_choices');
	// Stored in the question's option order, so equal choices are equal answers.
	const selected = question.options.map((option) => option.value).filter((v) => chosen.has(v));
	if (!otherChosen) return accept(selected);
	const text = otherText(other);
	return text.ok ? accept({ selected, other: text.value! }) : text;
}

/** Agreement scales and ratings: whole points on a fixed scale, posted by radio buttons. */
function scalePoint(raw: unknown, min: number, max: number): AnswerResult<number> {
	const value = single(raw);
	if (value === MANY) return fail('answer_errors.invalid');
	if (isBlank(value)) return blank;
	const point =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)
				? Number(value)
				: NaN;
	if (!Number.isInteger(point)) return fail('answer_errors.not_an_option');
	if (point < min || point > max) return fail('answer_errors.out_of_range');
	return accept(point);
}

/**
 * A ranking arrives as the ordered option values (JSON) or, from a form, as a position per
 * option ({ bus: '1', walk: '2' }); unranked options are left blank.
 */
function ranking(question: QuestionOf<'ranking'>, raw: unknown): AnswerResult<string[]> {
	const wanted = Math.min(question.top, question.options.length);
	const isOption = (value: unknown) => question.options.some((option) => option.value === value);
	let ordered: string[];
	if (isBlank(raw)) return blank;
	if (Array.isArray(raw)) {
		if (!raw.every((item) => typeof item === 'string')) return fail('answer_errors.invalid');
		ordered = raw.map((item: string) => item.trim()).filter(Boolean);
		if (!ordered.every(isOption)) return fail('answer_errors.not_an_option');
		if (new Set(ordered).size !== ordered.length) return fail('answer_errors.rank_duplicate');
	} else if (isRecord(raw)) {
		const byPosition = new Map<number, string>();
		for (const [value, position] of Object.entries(raw)) {
			if (isBlank(position)) continue;
			if (!isOption(value)) return fail('answer_errors.not_an_option');
			const place = scalePoint(position, 1, wanted);
			if (!place.ok)
				return fail(
					place.error === 'answer_errors.out_of_range' ? place.error : 'answer_errors.not_a_number'
				);
			if (byPosition.has(place.value!)) return fail('answer_errors.rank_duplicate');
			byPosition.set(place.value!, value);
		}
		// Distinct positions within 1…wanted: with `wanted` of them there is no gap, and fewer
		// is refused below as incomplete.
		ordered = [...byPosition.keys()].sort((a, b) => a - b).map((place) => byPosition.get(place)!);
	} else return fail('answer_errors.invalid');
	if (ordered.length === 0) return blank;
	if (ordered.length > wanted) return fail('answer_errors.too_many_choices');
	if (ordered.length < wanted) return fail('answer_errors.rank_incomplete');
	return accept(ordered);
}

function yesNo(raw: unknown): AnswerResult<'yes' | 'no'> {
	const value = single(raw);
	if (value === MANY) return fail('answer_errors.invalid');
	if (value === true || value === false) return accept(value ? 'yes' : 'no');
	if (isBlank(value)) return blank;
	const word = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	return word === 'yes' || word === 'no' ? accept(word) : fail('answer_errors.not_an_option');
}

function numberAnswer(question: QuestionOf<'number'>, raw: unknown): AnswerResult<number> {
	const value = single(raw);
	if (value === MANY) return fail('answer_errors.invalid');
	if (isBlank(value)) return blank;
	const number =
		typeof value === 'number' ? value : typeof value === 'string' ? parseNumber(value) : NaN;
	if (number === undefined || !Number.isFinite(number)) return fail('answer_errors.not_a_number');
	if (question.integer && !Number.isInteger(number))
		return fail('answer_errors.not_a_whole_number');
	if (question.min !== undefined && number < question.min)
		return fail('answer_errors.out_of_range');
	if (question.max !== undefined && number > question.max)
		return fail('answer_errors.out_of_range');
	return accept(number === 0 ? 0 : number); // no -0 in stored answers
}

function textAnswer(maxLength: number, raw: unknown): AnswerResult<string> {
	const value = single(raw);
	if (value === MANY) return fail('answer_errors.invalid');
	if (isBlank(value)) return blank;
	if (typeof value !== 'string') return fail('answer_errors.invalid');
	const text = cleanText(value);
	return length(text) > maxLength ? fail('answer_errors.too_long') : accept(text);
}

/** A ticked checkbox posts "on" unless it has a value; JSON clients send true. */
function consentAnswer(raw: unknown): AnswerResult<true> {
	const value = single(raw);
	if (value === MANY) return fail('answer_errors.invalid');
	if (value === true) return accept(true);
	if (isBlank(value) || value === false) return blank;
	const word = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (word === 'on' || word === 'yes' || word === 'true') return accept(true);
	if (word === 'off' || word === 'no' || word === 'false') return blank;
	return fail('answer_errors.invalid');
}

function demographicAnswer(question: QuestionOf<'demographic'>, raw: unknown) {
	const value = single(raw);
	if (value === MANY) return fail('answer_errors.invalid');
	if (isBlank(value)) return blank;
	const choice = typeof value === 'string' ? value.trim() : undefined;
	return choicesOf(question).some((option) => option.value === choice)
		? accept(choice!)
		: fail('answer_errors.not_an_option');
}

/**
 * Checks one answer as posted by an HTML form (strings, lists of strings) or sent as JSON, and
 * returns it in its stored form. Whether a blank answer is allowed is for validateResponse to
 * decide, since that depends on the question being shown.
 */
export function validateAnswer(question: Question, raw: unknown): AnswerResult {
	switch (question.type) {
		case 'single_choice':
			return singleChoice(question, raw);
		case 'multiple_choice':
			return multipleChoice(question, raw);
		case 'agreement_scale':
			return scalePoint(raw, 1, 5);
		case 'rating':
			return scalePoint(raw, RATING_MIN, RATING_MAX);
		case 'ranking':
			return ranking(question, raw);
		case 'yes_no':
			return yesNo(raw);
		case 'number':
			return numberAnswer(question, raw);
		case 'short_text':
		case 'long_text':
			return textAnswer(question.maxLength, raw);
		case 'consent':
			return consentAnswer(raw);
		case 'demographic':
			return demographicAnswer(question, raw);
	}
}

/**
 * Checks a whole response, keyed by question id. Only shown questions count: their required
 * answers must be given, while answers to hidden questions and unknown ids are dropped. An
 * answer that fails counts as unanswered for the conditions of later questions.
 */
export function validateResponse(
	definition: QuestionnaireDefinition,
	raw: Readonly<Record<string, unknown>>
): ResponseResult {
	const errors: Record<string, string> = {};
	const answers: Answers = {};
	const demographics: Demographics = {};
	walkVisible(definition, (question) => {
		const result = validateAnswer(
			question,
			Object.hasOwn(raw, question.id) ? raw[question.id] : undefined
		);
		if (!result.ok) {
			errors[question.id] = result.error;
			return undefined;
		}
		if (result.value === undefined) {
			if (question.required)
				errors[question.id] =
					question.type === 'consent' ? 'answer_errors.consent_required' : 'answer_errors.required';
			return undefined;
		}
		if (question.type === 'demographic') demographics[question.dimension] = result.value as string;
		else answers[question.id] = result.value;
		return result.value;
	});
	return Object.keys(errors).length > 0
		? { ok: false, errors }
		: { ok: true, answers, demographics };
}

type ChoiceAnswer = AnswerByType['single_choice' | 'multiple_choice' | 'ranking' | 'demographic'];

/** The option values a choice, multiple-choice, ranking or demographic answer chose. */
export function chosenValues(answer: ChoiceAnswer | undefined): string[] {
	if (Array.isArray(answer)) return answer;
	if (typeof answer === 'string') return [answer];
	if (isRecord(answer) && 'selected' in answer) return answer.selected;
	return [];
}

/** What the resident wrote after choosing "Other", if they did. */
export function otherTextOf(answer: ChoiceAnswer | undefined): string | undefined {
	return isRecord(answer) && 'other' in answer ? answer.other : undefined;
}

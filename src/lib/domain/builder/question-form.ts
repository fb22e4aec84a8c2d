import { slugify } from '../communities/schemas';
import {
	agreementScale,
	conditionOperatorsFor,
	conditionProblem,
	demographicDimension,
	demographicOptions,
	isBlank,
	isDemographicDimension,
	parseNumber,
	PREFER_NOT_TO_SAY,
	questionSchema,
	type Condition,
	type Option,
	type QuestionInput,
	type QuestionType
} from '../questionnaires';
import type { FieldErrors } from '../validation';
import { translator } from '../../i18n';
import { languages } from '../../i18n/languages';
import { bilingualFrom } from './forms';

/*
 * The question editor's form, read without JavaScript. Field names are paths into the question:
 *   prompt.en, prompt.fr, help.en, help.fr, required (a checkbox), the type's own settings
 *   (maxSelections, allowOther, top, min, max, integer, maxLength, lowLabel.en …, statement.en …,
 *   dimension) and rows of options:
 *   options.<row>.value      the option's stable key, in a hidden input ('' on a new row)
 *   options.<row>.label.en   its labels
 *   options.<row>.remove     a checkbox that drops it
 *   customOptions.<row>.…    the same for a demographic question's own options
 *   condition.questionId, condition.operator, condition.value
 * Rows left blank are extra rows offered for additions and are ignored.
 */

export type FormRecord = Record<string, string>;
type OptionList = 'options' | 'customOptions';

const KEY_LENGTH = 40;

/**
 * A key for a new option, made from its English label (else its French one): accents folded,
 * lower case, words joined by underscores; never one of `taken`.
 */
export function optionValueFor(label: { en: string; fr: string }, taken: Iterable<string>): string {
	const used = new Set(taken);
	const base =
		[label.en, label.fr]
			.map((text) => slugify(text).replace(/-/g, '_').slice(0, KEY_LENGTH).replace(/_+$/, ''))
			.find((key) => key !== '') ?? 'option';
	let value = base;
	for (let n = 2; used.has(value); n++) {
		const suffix = `_${n}`;
		value = base.slice(0, KEY_LENGTH - suffix.length).replace(/_+$/, '') + suffix;
	}
	return value;
}

interface Row {
	row: number;
	value: string;
	label: { en: string; fr: string };
	remove: boolean;
}

function rowsOf(values: FormRecord, list: OptionList): Row[] {
	const pattern = new RegExp(`^${list}\\.(\\d+)\\.`);
	const indexes = new Set<number>();
	for (const key of Object.keys(values)) {
		const match = pattern.exec(key);
		if (match) indexes.add(Number(match[1]));
	}
	return [...indexes]
		.sort((a, b) => a - b)
		.map((row) => ({
			row,
			value: (values[`${list}.${row}.value`] ?? '').trim(),
			label: bilingualFrom(values, `${list}.${row}.label`),
			remove: values[`${list}.${row}.remove`] === 'on'
		}));
}

/** The options the rows describe, and the form row each came from. */
function optionsFrom(
	values: FormRecord,
	list: OptionList,
	reserved: string[] = []
): { options: Option[]; rows: number[] } {
	const rows = rowsOf(values, list);
	const taken = new Set([...reserved, ...rows.map((row) => row.value).filter(Boolean)]);
	const kept = rows.filter((row) => !row.remove && (row.value !== '' || !isBlank(row.label)));
	const options = kept.map((row) => {
		if (row.value) return { value: row.value, label: row.label };
		const value = optionValueFor(row.label, taken);
		taken.add(value);
		return { value, label: row.label };
	});
	return { options, rows: kept.map((row) => row.row) };
}

/** A number typed in English or French; what cannot be read is passed on for the schema to refuse. */
function numberFrom(values: FormRecord, name: string): number | string | undefined {
	const text = (values[name] ?? '').trim();
	if (text === '') return undefined;
	return parseNumber(text) ?? text;
}

const checked = (values: FormRecord, name: string) => values[name] === 'on';

function optionalBilingual(values: FormRecord, prefix: string) {
	const text = bilingualFrom(values, prefix);
	return isBlank(text) ? undefined : text;
}

/** The words that mean yes and no in either language, for a condition's value. */
const yesNoWords: Record<string, 'yes' | 'no'> = Object.fromEntries(
	languages.flatMap((lang) => {
		const t = translator(lang);
		return [
			[t('questionnaire.yes').toLowerCase(), 'yes'],
			[t('questionnaire.no').toLowerCase(), 'no']
		];
	})
);

const numericTypes: readonly QuestionType[] = ['agreement_scale', 'rating', 'number'];

/** Options of a question as stored, before it is valid (a demographic one's included). */
export function optionsOf(question: QuestionInput): Option[] {
	if (question.type === 'demographic')
		return isDemographicDimension(question.dimension)
			? demographicOptions(question.dimension, question.customOptions)
			: [];
	return 'options' in question ? question.options : [];
}

/**
 * The value a condition compares with, from what the organizer typed: an option's key or either
 * of its labels, yes/no or oui/non, a number in either language's format.
 */
export function conditionValueFrom(text: string, target: QuestionInput): string | number {
	const typed = text.trim();
	const lower = typed.toLowerCase();
	if (numericTypes.includes(target.type)) return parseNumber(typed) ?? typed;
	if (target.type === 'yes_no') return yesNoWords[lower] ?? typed;
	const option = optionsOf(target).find(
		(candidate) =>
			candidate.value === typed ||
			candidate.label.en.trim().toLowerCase() === lower ||
			candidate.label.fr.trim().toLowerCase() === lower
	);
	return option?.value ?? typed;
}

/** Questions a condition may test: those with answers to compare, among `earlier`. */
export function testableQuestions(earlier: readonly QuestionInput[]): QuestionInput[] {
	return earlier.filter((question) => conditionOperatorsFor[question.type].length > 0);
}

/** The condition posted under <prefix>.questionId / .operator / .value; none when no question is chosen. */
export function conditionFrom(
	values: FormRecord,
	earlier: readonly QuestionInput[],
	prefix = 'condition'
): Record<string, unknown> | undefined {
	const questionId = (values[`${prefix}.questionId`] ?? '').trim();
	if (questionId === '') return undefined;
	const target = earlier.find((question) => question.id === questionId);
	const typed = values[`${prefix}.value`] ?? '';
	return {
		questionId,
		operator: values[`${prefix}.operator`] ?? '',
		value: target ? conditionValueFrom(typed, target) : typed
	};
}

/**
 * What is wrong with a condition given the questions before the item, by field name; empty when
 * it is fine. The target is checked as it is now, even if it is not yet valid itself.
 */
export function conditionErrors(
	condition: Condition | undefined,
	earlier: readonly QuestionInput[],
	prefix = 'condition'
): FieldErrors {
	if (!condition) return {};
	const target = earlier.find((question) => question.id === condition.questionId);
	if (!target) return { [`${prefix}.questionId`]: 'questionnaire_errors.condition_not_earlier' };
	if (!conditionOperatorsFor[target.type].includes(condition.operator))
		return { [`${prefix}.operator`]: 'questionnaire_errors.condition_unsupported' };
	const parsed = questionSchema.safeParse(target);
	const problem = parsed.success
		? conditionProblem(condition, parsed.data)
		: valueProblem(condition, target);
	return problem ? { [`${prefix}.value`]: problem } : {};
}

/** The value check for a target that is still a draft: only its current options count. */
function valueProblem(condition: Condition, target: QuestionInput): string | undefined {
	if (numericTypes.includes(target.type))
		return typeof condition.value === 'number' ? undefined : 'questionnaire_errors.condition_value';
	if (target.type === 'yes_no')
		return ['yes', 'no'].includes(String(condition.value))
			? undefined
			: 'questionnaire_errors.condition_value';
	return optionsOf(target).some((option) => option.value === condition.value)
		? undefined
		: 'questionnaire_errors.condition_value';
}

export interface QuestionFromForm {
	/** The question to validate with questionSchema. */
	question: Record<string, unknown>;
	/** The form field that shows an error at a path into the question ('options.2.label.fr'). */
	fieldOf: (path: string) => string;
}

/**
 * The question the editor's form describes. Its id and type are the stored question's: a
 * question's type is chosen when it is added.
 */
export function questionFromForm(
	stored: QuestionInput,
	values: FormRecord,
	earlier: readonly QuestionInput[]
): QuestionFromForm {
	const rows: Partial<Record<OptionList, number[]>> = {};
	const list = (name: OptionList, reserved?: string[]) => {
		const { options, rows: from } = optionsFrom(values, name, reserved);
		rows[name] = from;
		return options;
	};
	const condition = conditionFrom(values, earlier);
	const base = {
		id: stored.id,
		type: stored.type,
		prompt: bilingualFrom(values, 'prompt'),
		...(optionalBilingual(values, 'help') ? { help: bilingualFrom(values, 'help') } : {}),
		required: checked(values, 'required'),
		...(condition ? { condition } : {})
	};
	const own = (): Record<string, unknown> => {
		switch (stored.type) {
			case 'single_choice':
				return { options: list('options'), allowOther: checked(values, 'allowOther') };
			case 'multiple_choice':
				return {
					options: list('options'),
					maxSelections: numberFrom(values, 'maxSelections'),
					allowOther: checked(values, 'allowOther')
				};
			case 'ranking':
				return { options: list('options'), top: numberFrom(values, 'top') };
			case 'number':
				return {
					min: numberFrom(values, 'min'),
					max: numberFrom(values, 'max'),
					integer: checked(values, 'integer')
				};
			case 'short_text':
			case 'long_text':
				return { maxLength: numberFrom(values, 'maxLength') };
			case 'rating':
				return {
					min: stored.min,
					max: stored.max,
					lowLabel: optionalBilingual(values, 'lowLabel'),
					highLabel: optionalBilingual(values, 'highLabel')
				};
			case 'consent':
				return { statement: bilingualFrom(values, 'statement') };
			case 'demographic': {
				const dimension = values.dimension ?? '';
				const custom =
					isDemographicDimension(dimension) && demographicDimension(dimension).organizerOptions;
				return {
					dimension,
					...(custom ? { customOptions: list('customOptions', [PREFER_NOT_TO_SAY]) } : {})
				};
			}
			default:
				return {};
		}
	};
	const settings = Object.fromEntries(
		Object.entries(own()).filter(([, value]) => value !== undefined && value !== false)
	);
	return {
		question: { ...base, ...settings },
		fieldOf: (path) => {
			const match = /^(options|customOptions)\.(\d+)(?:\.(.*))?$/.exec(path);
			if (!match) return path;
			const [, name, index, rest] = match;
			const row = rows[name as OptionList]?.[Number(index)] ?? Number(index);
			// An option's key is hidden: show a problem with it on the option's English label.
			const field = !rest || rest === 'value' ? 'label.en' : rest;
			return `${name}.${row}.${field}`;
		}
	};
}

/** The form fields that show a stored question in the editor (the inverse of questionFromForm). */
export function formFromQuestion(question: QuestionInput): FormRecord {
	const values: FormRecord = {};
	const text = (prefix: string, value: { en: string; fr: string } | undefined) => {
		values[`${prefix}.en`] = value?.en ?? '';
		values[`${prefix}.fr`] = value?.fr ?? '';
	};
	const set = (name: string, value: unknown) => {
		if (value === undefined || value === null || value === false) return;
		values[name] = value === true ? 'on' : String(value);
	};
	const rows = (name: OptionList, options: Option[] | undefined) =>
		options?.forEach((option, index) => {
			values[`${name}.${index}.value`] = option.value;
			text(`${name}.${index}.label`, option.label);
		});
	const q = question as Record<string, unknown> & QuestionInput;
	text('prompt', question.prompt);
	text('help', question.help);
	set('required', question.required);
	for (const name of ['maxSelections', 'top', 'min', 'max', 'maxLength', 'dimension'])
		if (question.type !== 'rating') set(name, q[name]);
	set('allowOther', q.allowOther);
	set('integer', q.integer);
	for (const name of ['lowLabel', 'highLabel', 'statement'])
		if (name in question) text(name, q[name] as { en: string; fr: string } | undefined);
	if ('options' in question) rows('options', question.options);
	if (question.type === 'demographic') rows('customOptions', question.customOptions);
	if (question.condition) {
		values['condition.questionId'] = question.condition.questionId;
		values['condition.operator'] = question.condition.operator;
		values['condition.value'] = String(question.condition.value);
	}
	return values;
}

/** The possible answers a condition may compare with, for the editor to list. */
export function possibleAnswers(
	question: QuestionInput,
	lang: 'en' | 'fr'
): { value: string; label: string }[] {
	const t = translator(lang);
	switch (question.type) {
		case 'yes_no':
			return [
				{ value: 'yes', label: t('questionnaire.yes') },
				{ value: 'no', label: t('questionnaire.no') }
			];
		case 'agreement_scale':
			return agreementScale.map((point) => ({ value: String(point.value), label: t(point.label) }));
		case 'rating':
		case 'number':
			return [];
		default:
			return optionsOf(question)
				.filter((option) => option.value !== '')
				.map((option) => ({
					value: option.value,
					label: option.label[lang] || option.label[lang === 'en' ? 'fr' : 'en'] || option.value
				}));
	}
}

export interface EditorRow {
	/** the row's number in the form's field names */
	index: number;
	value: string;
	label: { en: string; fr: string };
	remove: boolean;
}

/**
 * The option rows the editor shows: those in the values (a stored question's options, or what
 * was just posted), then blank rows so that there are `blank` to fill in without JavaScript.
 */
export function editorRows(values: FormRecord, list: OptionList, blank = 3): EditorRow[] {
	const rows = rowsOf(values, list);
	const empty = rows.filter((row) => row.value === '' && isBlank(row.label)).length;
	const next = rows.reduce((max, row) => Math.max(max, row.row + 1), 0);
	const extra = Array.from({ length: Math.max(0, blank - empty) }, (_, n) => ({
		row: next + n,
		value: '',
		label: { en: '', fr: '' },
		remove: false
	}));
	return [...rows, ...extra].map(({ row, ...rest }) => ({ index: row, ...rest }));
}

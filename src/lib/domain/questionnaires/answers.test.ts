import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chosenValues, otherTextOf, validateAnswer, validateResponse } from './answers';
import { visibleQuestions } from './conditions';
import type { QuestionInput } from './question-types';
import {
	answerArbitrary,
	answeredArbitrary,
	definition,
	definitionArbitrary,
	options,
	question,
	text,
	uuid
} from './test-arbitraries';

const ok = (value: unknown) => ({ ok: true, value });
const blank = { ok: true, value: undefined };
const error = (key: string) => ({ ok: false, error: `answer_errors.${key}` });

describe('validateAnswer', () => {
	const single = question({ type: 'single_choice', options: options('bus', 'car') });
	const singleOther = question({
		type: 'single_choice',
		options: options('bus', 'car'),
		allowOther: true
	});

	it.each<[string, unknown, unknown]>([
		['an option', 'bus', ok('bus')],
		['an option with spaces', ' car ', ok('car')],
		['a one-item list from a form', ['bus'], ok('bus')],
		['nothing', undefined, blank],
		['an empty string', '', blank],
		['an empty list', [], blank],
		['an unknown option', 'plane', error('not_an_option')],
		['a number', 3, error('not_an_option')],
		['two values', ['bus', 'car'], error('invalid')],
		['"Other" where not offered', { other: 'scooter' }, error('not_an_option')]
	])('single choice: %s', (_, raw, result) => expect(validateAnswer(single, raw)).toEqual(result));

	it.each<[string, unknown, unknown]>([
		['written text', { other: '  scooter ' }, ok({ other: 'scooter' })],
		['"Other" without text', { other: ' ' }, error('other_empty')],
		['the bare "Other" token', '@other', error('other_empty')],
		['text too long', { other: 'x'.repeat(201) }, error('too_long')],
		['an option still', 'car', ok('car')]
	])('single choice with "Other": %s', (_, raw, result) =>
		expect(validateAnswer(singleOther, raw)).toEqual(result)
	);

	const multi = question({
		type: 'multiple_choice',
		options: options('bus', 'car', 'walk'),
		maxSelections: 2,
		allowOther: true
	});

	it.each<[string, unknown, unknown]>([
		['several, stored in option order', ['walk', 'bus'], ok(['bus', 'walk'])],
		['one as a plain string', 'car', ok(['car'])],
		['repeats counted once', ['bus', 'bus'], ok(['bus'])],
		['blank entries ignored', ['', 'bus'], ok(['bus'])],
		['nothing', [], blank],
		[
			'with "Other" text',
			{ selected: ['car'], other: 'ferry' },
			ok({ selected: ['car'], other: 'ferry' })
		],
		['"Other" alone', { other: 'ferry' }, ok({ selected: [], other: 'ferry' })],
		['"Other" ticked without text', { selected: ['@other'], other: '' }, error('other_empty')],
		['too many', ['bus', 'car', 'walk'], error('too_many_choices')],
		[
			'"Other" counts toward the limit',
			{ selected: ['bus', 'car'], other: 'ferry' },
			error('too_many_choices')
		],
		['an unknown option', ['bus', 'plane'], error('not_an_option')],
		['not a list of strings', [1, 2], error('invalid')]
	])('multiple choice: %s', (_, raw, result) => expect(validateAnswer(multi, raw)).toEqual(result));

	it('refuses "Other" on a multiple choice that does not offer it', () => {
		const plain = question({ type: 'multiple_choice', options: options('a', 'b') });
		expect(validateAnswer(plain, { selected: ['a'], other: 'x' })).toEqual(error('not_an_option'));
		expect(validateAnswer(plain, ['a', '@other'])).toEqual(error('not_an_option'));
	});

	it.each<[string, unknown, unknown]>([
		['a point', 4, ok(4)],
		['a posted point', '5', ok(5)],
		['below the scale', 0, error('out_of_range')],
		['above the scale', '6', error('out_of_range')],
		['a fraction', 2.5, error('not_an_option')],
		['a word', 'agree', error('not_an_option')]
	])('agreement scale: %s', (_, raw, result) =>
		expect(validateAnswer(question({ type: 'agreement_scale' }), raw)).toEqual(result)
	);

	it.each<[string, unknown, unknown]>([
		['zero', '0', ok(0)],
		['ten', 10, ok(10)],
		['eleven', 11, error('out_of_range')],
		['negative', '-1', error('out_of_range')]
	])('rating: %s', (_, raw, result) =>
		expect(validateAnswer(question({ type: 'rating' }), raw)).toEqual(result)
	);

	const rank = question({
		type: 'ranking',
		options: options('park', 'rink', 'pool', 'library'),
		top: 3
	});

	it.each<[string, unknown, unknown]>([
		['an ordered list', ['pool', 'park', 'rink'], ok(['pool', 'park', 'rink'])],
		[
			'form positions',
			{ park: '2', rink: '1', pool: '3', library: '' },
			ok(['rink', 'park', 'pool'])
		],
		['numeric positions', { park: 3, rink: 2, pool: 1 }, ok(['pool', 'rink', 'park'])],
		['nothing ranked', { park: '', rink: ' ' }, blank],
		['too few', ['pool'], error('rank_incomplete')],
		['a gap in positions', { park: '1', rink: '3' }, error('rank_incomplete')],
		['too many', ['pool', 'park', 'rink', 'library'], error('too_many_choices')],
		['the same option twice', ['pool', 'pool', 'park'], error('rank_duplicate')],
		['the same position twice', { park: '1', rink: '1', pool: '2' }, error('rank_duplicate')],
		['a position beyond top', { park: '1', rink: '2', pool: '4' }, error('out_of_range')],
		['a position that is not a number', { park: 'first' }, error('not_a_number')],
		['an unknown option', ['pool', 'park', 'beach'], error('not_an_option')],
		['a string', 'park', error('invalid')]
	])('ranking: %s', (_, raw, result) => expect(validateAnswer(rank, raw)).toEqual(result));

	it.each<[string, unknown, unknown]>([
		['yes', 'yes', ok('yes')],
		['No, capitalised', 'No', ok('no')],
		['JSON true', true, ok('yes')],
		['JSON false', false, ok('no')],
		['maybe', 'maybe', error('not_an_option')]
	])('yes/no: %s', (_, raw, result) =>
		expect(validateAnswer(question({ type: 'yes_no' }), raw)).toEqual(result)
	);

	const householdSize = question({ type: 'number', min: 1, max: 20, integer: true });
	const distance = question({ type: 'number', min: 0 });

	it.each<[string, typeof householdSize, unknown, unknown]>([
		['a whole number', householdSize, '4', ok(4)],
		['a JSON number', householdSize, 4, ok(4)],
		['a French decimal', distance, '2,5', ok(2.5)],
		['spaces between thousands', distance, '12 500', ok(12500)],
		['a decimal where whole numbers are asked', householdSize, '2.5', error('not_a_whole_number')],
		['below the minimum', householdSize, '0', error('out_of_range')],
		['above the maximum', householdSize, 21, error('out_of_range')],
		['words', distance, 'far', error('not_a_number')],
		['an ambiguous grouping', distance, '1,500', error('not_a_number')],
		['infinity', distance, Infinity, error('not_a_number')],
		['minus zero stored as zero', distance, -0, ok(0)],
		['blank', distance, '  ', blank]
	])('number: %s', (_, q, raw, result) => expect(validateAnswer(q, raw)).toEqual(result));

	it('trims text, keeps line breaks as single characters and counts characters', () => {
		const short = question({ type: 'short_text', maxLength: 5 });
		expect(validateAnswer(short, '  hello ')).toEqual(ok('hello'));
		expect(validateAnswer(short, 'hello!')).toEqual(error('too_long'));
		expect(validateAnswer(short, 'ÉéÈèà')).toEqual(ok('ÉéÈèà'));
		expect(validateAnswer(short, '👋👋👋👋👋')).toEqual(ok('👋👋👋👋👋'));
		const long = question({ type: 'long_text', maxLength: 5 });
		expect(validateAnswer(long, 'ab\r\ncd')).toEqual(ok('ab\ncd'));
		expect(validateAnswer(long, 12)).toEqual(error('invalid'));
	});

	it.each<[string, unknown, unknown]>([
		['a ticked checkbox', 'on', ok(true)],
		['a checkbox with a value', 'yes', ok(true)],
		['JSON true', true, ok(true)],
		['unticked', undefined, blank],
		['JSON false', false, blank],
		['something else', 'perhaps', error('invalid')]
	])('consent: %s', (_, raw, result) =>
		expect(validateAnswer(question({ type: 'consent', statement: text('I agree') }), raw)).toEqual(
			result
		)
	);

	it('accepts a dimension’s options, prefer_not_to_say included', () => {
		const age = question({ type: 'demographic', dimension: 'age_group' });
		expect(validateAnswer(age, '25_34')).toEqual(ok('25_34'));
		expect(validateAnswer(age, 'prefer_not_to_say')).toEqual(ok('prefer_not_to_say'));
		expect(validateAnswer(age, '10_14')).toEqual(error('not_an_option'));
		const area = question({
			type: 'demographic',
			dimension: 'area_of_residence',
			customOptions: options('north', 'south')
		});
		expect(validateAnswer(area, 'south')).toEqual(ok('south'));
		expect(validateAnswer(area, 'prefer_not_to_say')).toEqual(ok('prefer_not_to_say'));
		expect(validateAnswer(area, 'east')).toEqual(error('not_an_option'));
	});

	it('accepts every valid stored answer as it is', () => {
		const questionAndAnswer = definitionArbitrary
			.map((def) => def.sections.flatMap((section) => section.questions))
			.filter((questions) => questions.length > 0)
			.chain((questions) => fc.constantFrom(...questions))
			.chain((q) => fc.tuple(fc.constant(q), answerArbitrary(q)));
		fc.assert(
			fc.property(questionAndAnswer, ([q, answer]) => {
				expect(validateAnswer(q, answer)).toEqual(ok(answer));
				// and its JSON form, as stored in the database
				expect(validateAnswer(q, JSON.parse(JSON.stringify(answer)))).toEqual(ok(answer));
			})
		);
	});

	it('never throws, whatever arrives', () => {
		fc.assert(
			fc.property(
				definitionArbitrary.filter((def) => def.sections.some((s) => s.questions.length > 0)),
				fc.anything(),
				(def, raw) => {
					for (const q of def.sections.flatMap((section) => section.questions)) {
						const result = validateAnswer(q, raw);
						expect(result.ok || result.error.startsWith('answer_errors.')).toBe(true);
					}
				}
			)
		);
	});
});

describe('validateResponse', () => {
	const bus: QuestionInput = {
		id: uuid(1),
		prompt: text('Do you take the bus?'),
		type: 'yes_no',
		required: true
	};
	const busStop: QuestionInput = {
		id: uuid(2),
		prompt: text('Which stop?'),
		type: 'short_text',
		required: true,
		condition: { questionId: uuid(1), operator: 'equals', value: 'yes' }
	};
	const consent: QuestionInput = {
		id: uuid(3),
		prompt: text('Consent'),
		type: 'consent',
		statement: text('I agree'),
		required: true
	};
	const age: QuestionInput = {
		id: uuid(4),
		prompt: text('Age'),
		type: 'demographic',
		dimension: 'age_group'
	};
	const def = definition([bus, busStop], [consent, age]);

	it('returns answers and, apart, demographics by dimension', () => {
		expect(
			validateResponse(def, {
				[uuid(1)]: 'yes',
				[uuid(2)]: ' Rideau ',
				[uuid(3)]: 'on',
				[uuid(4)]: '35_44'
			})
		).toEqual({
			ok: true,
			answers: { [uuid(1)]: 'yes', [uuid(2)]: 'Rideau', [uuid(3)]: true },
			demographics: { age_group: '35_44' }
		});
	});

	it('requires shown required questions, with a consent-specific message', () => {
		expect(validateResponse(def, { [uuid(1)]: 'yes' })).toEqual({
			ok: false,
			errors: {
				[uuid(2)]: 'answer_errors.required',
				[uuid(3)]: 'answer_errors.consent_required'
			}
		});
	});

	it('drops answers to hidden questions and ignores unknown ids', () => {
		expect(
			validateResponse(def, {
				[uuid(1)]: 'no',
				[uuid(2)]: 'Rideau',
				[uuid(3)]: true,
				[uuid(99)]: 'anything',
				constructor: 'x'
			})
		).toEqual({ ok: true, answers: { [uuid(1)]: 'no', [uuid(3)]: true }, demographics: {} });
	});

	it('reports each invalid answer, and an invalid answer counts as unanswered later', () => {
		expect(validateResponse(def, { [uuid(1)]: 'sometimes', [uuid(3)]: true })).toEqual({
			ok: false,
			errors: { [uuid(1)]: 'answer_errors.not_an_option' }
		});
	});

	it('accepts complete answers, keeping only shown questions', () => {
		fc.assert(
			fc.property(answeredArbitrary, ({ definition: d, raw }) => {
				const result = validateResponse(d, raw);
				expect(result.ok).toBe(true);
				if (!result.ok) return;
				const shown = visibleQuestions(d, raw).flatMap((section) => section.questions);
				const expected = shown.filter((q) => q.type !== 'demographic');
				expect(Object.keys(result.answers).sort()).toEqual(expected.map((q) => q.id).sort());
				for (const q of expected) expect(result.answers[q.id]).toEqual(raw[q.id]);
				for (const q of shown)
					if (q.type === 'demographic') expect(result.demographics[q.dimension]).toBe(raw[q.id]);
			})
		);
	});

	it('reports exactly the shown required questions left blank', () => {
		fc.assert(
			fc.property(definitionArbitrary, (d) => {
				const result = validateResponse(d, {});
				const requiredShown = visibleQuestions(d, {})
					.flatMap((section) => section.questions)
					.filter((q) => q.required);
				if (requiredShown.length === 0)
					expect(result).toEqual({ ok: true, answers: {}, demographics: {} });
				else
					expect(!result.ok && Object.keys(result.errors).sort()).toEqual(
						requiredShown.map((q) => q.id).sort()
					);
			})
		);
	});
});

describe('chosenValues and otherTextOf', () => {
	it('read the chosen values and the "Other" text of any choice answer', () => {
		expect(chosenValues('bus')).toEqual(['bus']);
		expect(chosenValues(['bus', 'car'])).toEqual(['bus', 'car']);
		expect(chosenValues({ selected: ['bus'], other: 'ferry' })).toEqual(['bus']);
		expect(chosenValues({ other: 'ferry' })).toEqual([]);
		expect(chosenValues(undefined)).toEqual([]);
		expect(otherTextOf({ other: 'ferry' })).toBe('ferry');
		expect(otherTextOf(['bus'])).toBeUndefined();
	});
});

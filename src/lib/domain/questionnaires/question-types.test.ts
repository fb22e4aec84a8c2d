import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../validation';
import { questionnaireDefinition } from './definition';
import {
	agreementScale,
	choicesOf,
	questionSchema,
	questionTypes,
	type QuestionInput
} from './question-types';
import { definitionArbitrary, options, question, text, uuid } from './test-arbitraries';

const base = {
	id: uuid(1),
	prompt: text('How do you get around?', 'Comment vous déplacez-vous ?')
};

function issues(input: unknown): { path: string; message: string }[] {
	const result = questionSchema.safeParse(input);
	if (result.success) return [];
	return result.error.issues.map((issue) => ({
		path: issue.path.join('.'),
		message: issue.message
	}));
}

describe('questionTypes', () => {
	it('is the closed list the database enum matches', () => {
		expect(questionTypes).toEqual([
			'single_choice',
			'multiple_choice',
			'agreement_scale',
			'rating',
			'ranking',
			'yes_no',
			'number',
			'short_text',
			'long_text',
			'consent',
			'demographic'
		]);
	});

	it('has a five-point agreement scale from strongly disagree to strongly agree', () => {
		expect(agreementScale.map((point) => point.value)).toEqual([1, 2, 3, 4, 5]);
		expect(agreementScale[0].label).toBe('questionnaire.agreement_scale.strongly_disagree');
		expect(agreementScale[4].label).toBe('questionnaire.agreement_scale.strongly_agree');
	});
});

describe('questionSchema', () => {
	it('fills in defaults: not required, text limits, the fixed 0–10 rating', () => {
		expect(question({ type: 'yes_no' }).required).toBe(false);
		expect(question({ type: 'short_text' })).toMatchObject({ maxLength: 200 });
		expect(question({ type: 'long_text' })).toMatchObject({ maxLength: 5000 });
		expect(question({ type: 'rating' })).toMatchObject({ min: 0, max: 10 });
	});

	it('refuses an unknown type', () => {
		expect(issues({ ...base, type: 'slider' })).toEqual([
			{ path: 'type', message: 'errors.invalid_choice' }
		]);
	});

	it('needs 2 to 50 options on a choice question', () => {
		expect(issues({ ...base, type: 'single_choice', options: options('bus') })).toEqual([
			{ path: 'options', message: 'questionnaire_errors.too_few_options' }
		]);
		const many = options(...Array.from({ length: 51 }, (_, i) => `o${i}`));
		expect(issues({ ...base, type: 'multiple_choice', options: many })).toEqual([
			{ path: 'options', message: 'questionnaire_errors.too_many_options' }
		]);
	});

	it('refuses repeated and badly formed option values, on the option itself', () => {
		expect(
			issues({ ...base, type: 'single_choice', options: options('bus', 'Car', 'bus') })
		).toEqual([
			{ path: 'options.1.value', message: 'questionnaire_errors.option_value_format' },
			{ path: 'options.0.value', message: 'questionnaire_errors.option_value_repeated' },
			{ path: 'options.2.value', message: 'questionnaire_errors.option_value_repeated' }
		]);
	});

	it('keeps the ranking count within the options', () => {
		const ranking = { ...base, type: 'ranking', options: options('a', 'b', 'c') };
		expect(issues({ ...ranking, top: 3 })).toEqual([]);
		expect(issues({ ...ranking, top: 4 })).toEqual([
			{ path: 'top', message: 'questionnaire_errors.top_out_of_range' }
		]);
		expect(issues({ ...ranking, top: 0 })).toEqual([
			{ path: 'top', message: 'questionnaire_errors.top_out_of_range' }
		]);
		expect(issues({ ...ranking, options: options(...'abcdefghijklmnopqrstu'), top: 1 })).toEqual([
			{ path: 'options', message: 'questionnaire_errors.too_many_options' }
		]);
	});

	it('refuses a number range upside down, and a rating scale other than 0–10', () => {
		expect(issues({ ...base, type: 'number', min: 10, max: 1 })).toEqual([
			{ path: 'max', message: 'questionnaire_errors.range_inverted' }
		]);
		expect(issues({ ...base, type: 'rating', max: 5 })).toHaveLength(1);
	});

	it('caps text lengths', () => {
		expect(issues({ ...base, type: 'short_text', maxLength: 501 })).toEqual([
			{ path: 'maxLength', message: 'errors.too_long' }
		]);
		expect(issues({ ...base, type: 'long_text', maxLength: 20_000 })).toEqual([]);
	});

	it('needs a consent statement', () => {
		expect(issues({ ...base, type: 'consent' })).toHaveLength(1);
		expect(issues({ ...base, type: 'consent', statement: text('I agree', 'J’accepte') })).toEqual(
			[]
		);
	});

	it('uses the standard options for standard dimensions and the organizer’s for areas', () => {
		expect(issues({ ...base, type: 'demographic', dimension: 'age_group' })).toEqual([]);
		expect(
			issues({
				...base,
				type: 'demographic',
				dimension: 'age_group',
				customOptions: options('a', 'b')
			})
		).toEqual([{ path: 'customOptions', message: 'questionnaire_errors.options_not_allowed' }]);
		expect(issues({ ...base, type: 'demographic', dimension: 'area_of_residence' })).toEqual([
			{ path: 'customOptions', message: 'questionnaire_errors.too_few_options' }
		]);
		expect(
			issues({
				...base,
				type: 'demographic',
				dimension: 'area_of_residence',
				customOptions: options('north', 'prefer_not_to_say')
			})
		).toEqual([
			{ path: 'customOptions.1.value', message: 'questionnaire_errors.option_value_reserved' }
		]);
		expect(issues({ ...base, type: 'demographic', dimension: 'shoe_size' })).toEqual([
			{ path: 'dimension', message: 'errors.invalid_choice' }
		]);
	});

	it('names missing common fields with locale keys', () => {
		const result = questionSchema.safeParse({ type: 'yes_no', id: 'nope' });
		expect(!result.success && fieldErrors(result.error)).toMatchObject({ id: 'errors.invalid' });
	});
});

describe('choicesOf', () => {
	it('gives the options of choice questions, demographic options, and none otherwise', () => {
		expect(choicesOf(question({ type: 'ranking', options: options('a', 'b'), top: 1 }))).toEqual(
			options('a', 'b')
		);
		const area = question({
			type: 'demographic',
			dimension: 'area_of_residence',
			customOptions: options('north', 'south')
		});
		expect(choicesOf(area).map((option) => option.value)).toEqual([
			'north',
			'south',
			'prefer_not_to_say'
		]);
		expect(choicesOf(question({ type: 'yes_no' }))).toEqual([]);
	});
});

describe('questionnaireDefinition', () => {
	const choice = (n: number, extra: object = {}): QuestionInput =>
		({
			id: uuid(n),
			prompt: text(`Q${n}`),
			type: 'single_choice',
			options: options('a', 'b'),
			...extra
		}) as QuestionInput;

	function definitionIssues(sections: QuestionInput[][], sectionExtras: object[] = []) {
		const result = questionnaireDefinition.safeParse({
			title: text('Survey', 'Sondage'),
			sections: sections.map((questions, s) => ({
				id: uuid(100 + s),
				title: text('Part'),
				questions,
				...sectionExtras[s]
			}))
		});
		return result.success
			? []
			: result.error.issues.map((issue) => ({
					path: issue.path.join('.'),
					message: issue.message
				}));
	}

	it('needs at least one section', () => {
		const result = questionnaireDefinition.safeParse({ title: text('S'), sections: [] });
		expect(!result.success && result.error.issues[0].message).toBe(
			'questionnaire_errors.no_sections'
		);
	});

	it('accepts conditions on earlier questions, in the same or an earlier section', () => {
		const on1 = { condition: { questionId: uuid(1), operator: 'equals', value: 'a' } };
		expect(definitionIssues([[choice(1), choice(2, on1)], [choice(3, on1)]])).toEqual([]);
		expect(definitionIssues([[choice(1)], []], [{}, on1])).toEqual([]);
	});

	it('refuses conditions on the question itself, later questions or unknown ones', () => {
		const on = (n: number) => ({
			condition: { questionId: uuid(n), operator: 'equals', value: 'a' }
		});
		expect(definitionIssues([[choice(1, on(1)), choice(2, on(3)), choice(3, on(9))]])).toEqual(
			[0, 1, 2].map((q) => ({
				path: `sections.0.questions.${q}.condition`,
				message: 'questionnaire_errors.condition_not_earlier'
			}))
		);
		expect(definitionIssues([[choice(1)]], [on(1)])).toEqual([
			{ path: 'sections.0.condition', message: 'questionnaire_errors.condition_not_earlier' }
		]);
	});

	it('refuses conditions the earlier question cannot satisfy or test', () => {
		const text1 = { id: uuid(1), prompt: text('Name'), type: 'short_text' } as QuestionInput;
		const scale1 = {
			id: uuid(1),
			prompt: text('Agree?'),
			type: 'agreement_scale'
		} as QuestionInput;
		const cond = (operator: string, value: string | number) => ({
			condition: { questionId: uuid(1), operator, value }
		});
		expect(definitionIssues([[text1, choice(2, cond('equals', 'x'))]])[0].message).toBe(
			'questionnaire_errors.condition_unsupported'
		);
		expect(definitionIssues([[choice(1), choice(2, cond('at_least', 1))]])[0].message).toBe(
			'questionnaire_errors.condition_unsupported'
		);
		expect(definitionIssues([[choice(1), choice(2, cond('equals', 'z'))]])[0].message).toBe(
			'questionnaire_errors.condition_value'
		);
		expect(definitionIssues([[scale1, choice(2, cond('at_least', 6))]])[0].message).toBe(
			'questionnaire_errors.condition_value'
		);
		expect(definitionIssues([[scale1, choice(2, cond('at_least', '4'))]])[0].message).toBe(
			'questionnaire_errors.condition_value'
		);
		expect(definitionIssues([[scale1, choice(2, cond('at_least', 4))]])).toEqual([]);
		expect(
			definitionIssues([[choice(1, { allowOther: true }), choice(2, cond('equals', '@other'))]])
		).toEqual([]);
		expect(definitionIssues([[choice(1), choice(2, cond('equals', '@other'))]])[0].message).toBe(
			'questionnaire_errors.condition_value'
		);
	});

	it('refuses repeated question ids, section ids and demographic dimensions', () => {
		const age = (n: number) =>
			({
				id: uuid(n),
				prompt: text('Age'),
				type: 'demographic',
				dimension: 'age_group'
			}) as QuestionInput;
		expect(definitionIssues([[choice(1)], [choice(1), age(2), age(3)]])).toEqual([
			{ path: 'sections.1.questions.0.id', message: 'questionnaire_errors.question_id_repeated' },
			{
				path: 'sections.1.questions.2.dimension',
				message: 'questionnaire_errors.dimension_repeated'
			}
		]);
		expect(definitionIssues([[], []], [{}, { id: uuid(100) }])).toEqual([
			{ path: 'sections.1.id', message: 'questionnaire_errors.section_id_repeated' }
		]);
	});

	it('accepts every generated questionnaire, and parsing again changes nothing', () => {
		fc.assert(
			fc.property(definitionArbitrary, (definition) => {
				expect(questionnaireDefinition.parse(definition)).toEqual(definition);
			})
		);
	});

	it('survives a JSON round trip (how definitions are stored)', () => {
		fc.assert(
			fc.property(definitionArbitrary, (definition) => {
				expect(questionnaireDefinition.parse(JSON.parse(JSON.stringify(definition)))).toEqual(
					definition
				);
			})
		);
	});
});

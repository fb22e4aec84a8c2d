/*
 * Builders and fast-check generators shared by the questionnaire tests. Only tests import this.
 */
import fc from 'fast-check';
import type { AnswerValue } from './answers';
import type { Bilingual } from './bilingual';
import { conditionOperatorsFor, type Condition } from './conditions';
import { questionnaireDefinition, type QuestionnaireDefinition } from './definition';
import { demographicDimensionKeys, demographicDimension } from './demographics';
import { OTHER_CHOICE, type Option } from './options';
import {
	choicesOf,
	questionSchema,
	RATING_MAX,
	RATING_MIN,
	type Question,
	type QuestionInput,
	type QuestionType
} from './question-types';

export const text = (en: string, fr = en): Bilingual => ({ en, fr });

/** A fixed, valid version-4 UUID for the nth thing in a test. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const options = (...values: string[]): Option[] =>
	values.map((value) => ({ value, label: text(value.toUpperCase(), `${value.toUpperCase()} fr`) }));

export function question(input: Partial<QuestionInput> & Pick<QuestionInput, 'type'>): Question {
	return questionSchema.parse({ id: uuid(1), prompt: text('Q?', 'Q ?'), ...input });
}

/** A valid definition with one section per list of questions. */
export function definition(...sections: QuestionInput[][]): QuestionnaireDefinition {
	return questionnaireDefinition.parse({
		title: text('Survey', 'Sondage'),
		sections: sections.map((questions, index) => ({
			id: uuid(1000 + index),
			title: text(`Part ${index + 1}`, `Partie ${index + 1}`),
			questions
		}))
	});
}

const word = fc.constantFrom('bus', 'bike', 'walk', 'car', 'park', 'library', 'rink', 'market');
const label = fc.tuple(word, word).map(([en, fr]) => text(en, `${fr} fr`));
const optionList = (min: number, max: number) =>
	fc
		.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { minLength: min, maxLength: max })
		.chain((values) =>
			fc
				.tuple(...values.map(() => label))
				.map((labels) => values.map((value, index) => ({ value, label: labels[index] })))
		);

/** Any valid question (as input, before defaults), without id or condition. */
const questionBody: fc.Arbitrary<{ type: QuestionType; dimension?: string }> = fc.oneof(
	fc.record(
		{
			type: fc.constant('single_choice' as const),
			options: optionList(2, 5),
			allowOther: fc.boolean()
		},
		{ requiredKeys: ['type', 'options'] }
	),
	optionList(2, 5).chain((opts) =>
		fc.record(
			{
				type: fc.constant('multiple_choice' as const),
				options: fc.constant(opts),
				maxSelections: fc.integer({ min: 1, max: opts.length + 1 }),
				allowOther: fc.boolean()
			},
			{ requiredKeys: ['type', 'options'] }
		)
	),
	fc.record({ type: fc.constant('agreement_scale' as const) }),
	fc.record({ type: fc.constant('rating' as const) }),
	optionList(2, 6).chain((opts) =>
		fc.record({
			type: fc.constant('ranking' as const),
			options: fc.constant(opts),
			top: fc.integer({ min: 1, max: opts.length })
		})
	),
	fc.record({ type: fc.constant('yes_no' as const) }),
	fc.record(
		{
			type: fc.constant('number' as const),
			min: fc.integer({ min: -100, max: 0 }),
			max: fc.integer({ min: 1, max: 10_000 }),
			integer: fc.boolean()
		},
		{ requiredKeys: ['type'] }
	),
	fc.record({
		type: fc.constant('short_text' as const),
		maxLength: fc.integer({ min: 1, max: 40 })
	}),
	fc.record({ type: fc.constant('long_text' as const) }),
	fc.record({ type: fc.constant('consent' as const), statement: label }),
	fc.constantFrom(...demographicDimensionKeys).chain((dimension) =>
		demographicDimension(dimension).organizerOptions
			? optionList(2, 4).map((customOptions) => ({
					type: 'demographic' as const,
					dimension,
					customOptions
				}))
			: fc.constant({ type: 'demographic' as const, dimension })
	)
);

/** The values a condition on this question may compare with. */
export function conditionValues(target: Question): (string | number)[] {
	switch (target.type) {
		case 'agreement_scale':
			return [1, 2, 3, 4, 5];
		case 'rating':
			return [0, 3, 5, 7, 10];
		case 'number':
			return [0, 1, 50];
		case 'yes_no':
			return ['yes', 'no'];
		default: {
			const values: string[] = choicesOf(target).map((option) => option.value);
			return 'allowOther' in target && target.allowOther ? [...values, OTHER_CHOICE] : values;
		}
	}
}

/** Random numbers turned into a valid condition on one of the earlier questions, if any fits. */
function pickCondition(
	earlier: Question[],
	seeds: [number, number, number]
): Condition | undefined {
	const candidates = earlier.filter((q) => conditionOperatorsFor[q.type].length > 0);
	if (candidates.length === 0) return undefined;
	const target = candidates[seeds[0] % candidates.length];
	const operators = conditionOperatorsFor[target.type];
	const values = conditionValues(target);
	return {
		questionId: target.id,
		operator: operators[seeds[1] % operators.length],
		value: values[seeds[2] % values.length]
	};
}

const seeds = fc.option(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { freq: 2 });

/** Valid questionnaires of 1–3 sections of 0–4 questions, with conditions on earlier questions. */
export const definitionArbitrary: fc.Arbitrary<QuestionnaireDefinition> = fc
	.array(
		fc.record({
			condition: seeds,
			questions: fc.array(
				fc.record({ body: questionBody, required: fc.boolean(), condition: seeds }),
				{ maxLength: 4 }
			)
		}),
		{ minLength: 1, maxLength: 3 }
	)
	.map((sections) => {
		const earlier: Question[] = [];
		const dimensions = new Set<string>();
		let next = 1;
		const built = sections.map((section, s) => {
			const sectionCondition = section.condition
				? pickCondition(earlier, section.condition)
				: undefined;
			const questions: Question[] = [];
			for (const spec of section.questions) {
				// Each dimension is asked at most once.
				const dimension = spec.body.dimension;
				if (dimension !== undefined) {
					if (dimensions.has(dimension)) continue;
					dimensions.add(dimension);
				}
				const condition = spec.condition ? pickCondition(earlier, spec.condition) : undefined;
				const parsed = questionSchema.parse({
					...spec.body,
					id: uuid(next++),
					prompt: text(`Question ${next}`, `Question ${next} fr`),
					required: spec.required,
					...(condition ? { condition } : {})
				});
				questions.push(parsed);
				earlier.push(parsed);
			}
			return {
				id: uuid(1000 + s),
				title: text(`Part ${s + 1}`, `Partie ${s + 1}`),
				...(sectionCondition ? { condition: sectionCondition } : {}),
				questions
			};
		});
		return questionnaireDefinition.parse({ title: text('Survey', 'Sondage'), sections: built });
	});

const cleanText = (max: number) =>
	fc
		.string({ minLength: 1, maxLength: max, unit: 'grapheme' })
		.map((value) => value.replace(/\r\n?/g, '\n').trim())
		.filter((value) => value !== '' && [...value].length <= max);

/** A valid, stored-form answer to the question. */
export function answerArbitrary(q: Question): fc.Arbitrary<AnswerValue> {
	switch (q.type) {
		case 'single_choice': {
			const chosen = fc.constantFrom(...q.options.map((option) => option.value));
			return q.allowOther
				? fc.oneof(
						chosen,
						cleanText(30).map((other) => ({ other }))
					)
				: chosen;
		}
		case 'multiple_choice': {
			const values = q.options.map((option) => option.value);
			const limit = q.maxSelections ?? values.length + 1;
			return fc
				.tuple(fc.subarray(values), q.allowOther ? fc.option(cleanText(30)) : fc.constant(null))
				.filter(([selected, other]) => {
					const count = selected.length + (other === null ? 0 : 1);
					return count >= 1 && count <= limit;
				})
				.map(([selected, other]) => (other === null ? selected : { selected, other }));
		}
		case 'agreement_scale':
			return fc.integer({ min: 1, max: 5 });
		case 'rating':
			return fc.integer({ min: RATING_MIN, max: RATING_MAX });
		case 'ranking':
			return fc.shuffledSubarray(
				q.options.map((option) => option.value),
				{ minLength: q.top, maxLength: q.top }
			);
		case 'yes_no':
			return fc.constantFrom('yes' as const, 'no' as const);
		case 'number': {
			const min = q.min ?? -1e6;
			const max = q.max ?? 1e6;
			return q.integer
				? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
				: fc
						.double({ min, max, noNaN: true, noDefaultInfinity: true })
						.map((n) => (n === 0 ? 0 : n));
		}
		case 'short_text':
		case 'long_text':
			return cleanText(Math.min(q.maxLength, 60));
		case 'consent':
			return fc.constant(true as const);
		case 'demographic':
			return fc.constantFrom(...choicesOf(q).map((option) => option.value));
	}
}

/** A definition with an answer for every question. */
export const answeredArbitrary = definitionArbitrary.chain((def) => {
	const questions = def.sections.flatMap((section) => section.questions);
	return fc.tuple(...questions.map((q) => answerArbitrary(q))).map((values) => ({
		definition: def,
		raw: Object.fromEntries(questions.map((q, index) => [q.id, values[index]])) as Record<
			string,
			AnswerValue
		>
	}));
});

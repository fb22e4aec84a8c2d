import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meaningChanges } from './changes';
import type { QuestionnaireDefinition } from './definition';
import type { QuestionInput } from './question-types';
import { definition, definitionArbitrary, options, text, uuid } from './test-arbitraries';

const transport: QuestionInput = {
	id: uuid(1),
	prompt: text('How do you get around?', 'Comment vous déplacez-vous ?'),
	type: 'multiple_choice',
	options: options('bus', 'car', 'walk'),
	maxSelections: 2,
	allowOther: true
};
const priorities: QuestionInput = {
	id: uuid(2),
	prompt: text('Rank these'),
	type: 'ranking',
	options: options('park', 'rink', 'pool'),
	top: 2
};
const age: QuestionInput = {
	id: uuid(3),
	prompt: text('Age'),
	type: 'demographic',
	dimension: 'age_group'
};
const before = definition([transport, priorities], [age]);

function after(edits: Partial<Record<1 | 2 | 3, Record<string, unknown> | null>>) {
	const questions = [transport, priorities, age]
		.map((question, index) => {
			const change = edits[(index + 1) as 1 | 2 | 3];
			return change === null ? null : ({ ...question, ...change } as QuestionInput);
		})
		.filter((question) => question !== null);
	return definition(questions);
}

describe('meaningChanges', () => {
	it('allows rewording, reordering and adding', () => {
		const reworded = after({
			1: {
				prompt: text('How do you travel?', 'Comment voyagez-vous ?'),
				help: text('Choose up to two', 'Jusqu’à deux'),
				options: [
					{ value: 'walk', label: text('On foot', 'À pied') },
					{ value: 'bus', label: text('Bus', 'Autobus') },
					{ value: 'car', label: text('Car', 'Auto') },
					{ value: 'bike', label: text('Bike', 'Vélo') }
				],
				required: true
			},
			2: { options: options('park', 'rink', 'pool', 'library') }
		});
		const extra = {
			...reworded,
			sections: [
				...reworded.sections,
				{
					id: uuid(2000),
					title: text('More'),
					questions: [
						{ id: uuid(9), prompt: text('New'), type: 'yes_no' as const, required: false }
					]
				}
			]
		};
		expect(meaningChanges(before, extra)).toEqual([]);
	});

	it('refuses removing a question', () => {
		expect(meaningChanges(before, after({ 2: null }))).toEqual([
			{ questionId: uuid(2), kind: 'question_removed', detail: 'Rank these' }
		]);
	});

	it('refuses changing a type', () => {
		expect(
			meaningChanges(before, after({ 1: { type: 'single_choice', maxSelections: undefined } }))
		).toEqual([
			{ questionId: uuid(1), kind: 'type_changed', detail: 'multiple_choice → single_choice' }
		]);
	});

	it('refuses removing an option, including "Other"', () => {
		expect(
			meaningChanges(before, after({ 1: { options: options('bus', 'walk'), allowOther: false } }))
		).toEqual([
			{ questionId: uuid(1), kind: 'option_removed', detail: 'car' },
			{ questionId: uuid(1), kind: 'option_removed', detail: '@other' }
		]);
	});

	it('tells a changed option key from a removed option by its label', () => {
		const renamed = [
			{ value: 'transit', label: text('BUS', 'autre') },
			{ value: 'car', label: text('CAR', 'CAR fr') },
			{ value: 'walk', label: text('WALK', 'WALK fr') }
		];
		expect(meaningChanges(before, after({ 1: { options: renamed } }))).toEqual([
			{ questionId: uuid(1), kind: 'option_value_changed', detail: 'bus → transit' }
		]);
	});

	it('refuses changing how many to rank or to choose', () => {
		expect(
			meaningChanges(before, after({ 1: { maxSelections: undefined }, 2: { top: 3 } }))
		).toEqual([
			{ questionId: uuid(1), kind: 'scale_changed', detail: 'maxSelections: 2 → none' },
			{ questionId: uuid(2), kind: 'scale_changed', detail: 'top: 2 → 3' }
		]);
	});

	it('refuses changing a demographic dimension', () => {
		expect(meaningChanges(before, after({ 3: { dimension: 'gender' } }))).toEqual([
			{ questionId: uuid(3), kind: 'dimension_changed', detail: 'age_group → gender' }
		]);
	});

	it('refuses removing an organizer-listed area', () => {
		const area = (values: string[]): QuestionnaireDefinition =>
			definition([
				{
					id: uuid(5),
					prompt: text('Area'),
					type: 'demographic',
					dimension: 'area_of_residence',
					customOptions: options(...values)
				}
			]);
		expect(meaningChanges(area(['north', 'south']), area(['north', 'south', 'east']))).toEqual([]);
		expect(meaningChanges(area(['north', 'south']), area(['north', 'east']))).toEqual([
			{ questionId: uuid(5), kind: 'option_removed', detail: 'south' }
		]);
	});

	it('does not count number bounds or text limits', () => {
		const number = (min: number, max: number, integer: boolean) =>
			definition([{ id: uuid(6), prompt: text('How many?'), type: 'number', min, max, integer }]);
		expect(meaningChanges(number(0, 10, true), number(1, 5, false))).toEqual([]);
	});

	it('finds nothing between a questionnaire and itself or a reworded copy', () => {
		fc.assert(
			fc.property(definitionArbitrary, fc.string({ maxLength: 5 }), (def, suffix) => {
				expect(meaningChanges(def, def)).toEqual([]);
				const reword = <T extends { en: string; fr: string } | undefined>(t: T): T =>
					(t && { en: `${t.en}${suffix}`, fr: `${t.fr}${suffix}` }) as T;
				const reworded: QuestionnaireDefinition = {
					...def,
					title: reword(def.title),
					sections: def.sections.map((section) => ({
						...section,
						title: reword(section.title),
						questions: section.questions.map((question) => ({
							...question,
							prompt: reword(question.prompt),
							help: reword(question.help),
							...('options' in question
								? {
										options: question.options.map((o) => ({ ...o, label: reword(o.label) }))
									}
								: {})
						})) as typeof section.questions
					}))
				};
				expect(meaningChanges(def, reworded)).toEqual([]);
			})
		);
	});

	it('reports every removed question', () => {
		fc.assert(
			fc.property(definitionArbitrary, (def) => {
				const emptied = { ...def, sections: def.sections.map((s) => ({ ...s, questions: [] })) };
				const ids = def.sections.flatMap((s) => s.questions.map((q) => q.id));
				expect(
					meaningChanges(def, emptied).map((change) => [change.questionId, change.kind])
				).toEqual(ids.map((id) => [id, 'question_removed']));
			})
		);
	});
});

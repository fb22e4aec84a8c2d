import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionnaireDefinition, type QuestionnaireDefinitionInput } from '../questionnaires';
import { paperTemplateHeader, readPaperResponses } from './paper-import';

const text = (en: string, fr: string) => ({ en, fr });
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const definition = questionnaireDefinition.parse({
	title: text('Survey', 'Sondage'),
	sections: [
		{
			id: id(1),
			title: text('One', 'Un'),
			questions: [
				{
					id: id(11),
					type: 'single_choice',
					prompt: text('How do you get around?', 'Comment vous déplacez-vous ?'),
					required: true,
					options: [
						{ value: 'bus', label: text('Bus', 'Autobus') },
						{ value: 'walk', label: text('Walking', 'À pied') }
					]
				},
				{ id: id(12), type: 'yes_no', prompt: text('Do you drive?', 'Conduisez-vous ?') },
				{
					id: id(13),
					type: 'multiple_choice',
					prompt: text('What matters?', 'Qu’est-ce qui compte ?'),
					options: [
						{ value: 'parks', label: text('Parks', 'Parcs') },
						{ value: 'food', label: text('Food', 'Alimentation') },
						{ value: 'jobs', label: text('Jobs', 'Emplois') }
					],
					maxSelections: 2
				},
				{ id: id(14), type: 'demographic', prompt: text('Age', 'Âge'), dimension: 'age_group' }
			]
		}
	]
} satisfies QuestionnaireDefinitionInput);

const csv = (source: string) => Papa.parse<string[]>(source.trim(), { skipEmptyLines: false }).data;

describe('readPaperResponses', () => {
	it('reads labels in either language, codes or wording as headings', () => {
		const reading = readPaperResponses(
			definition,
			csv(`Q1,Conduisez-vous ?,What matters?,Q4
Autobus,oui,parks; Alimentation,prefer_not_to_say
walking,No,,`)
		);
		expect(reading.problems).toEqual([]);
		expect(reading.valid).toEqual([
			{
				row: 2,
				answers: { [id(11)]: 'bus', [id(12)]: 'yes', [id(13)]: ['parks', 'food'] },
				demographics: { age_group: 'prefer_not_to_say' }
			},
			{ row: 3, answers: { [id(11)]: 'walk', [id(12)]: 'no' }, demographics: {} }
		]);
	});

	it('lists each problem by row and column, and keeps the valid rows', () => {
		const reading = readPaperResponses(
			definition,
			csv(`Q1,Q2,Q3
Bus,yes,parks
Maybe,yes,parks;food;jobs
,peut-être,`)
		);
		expect(reading.valid.map((r) => r.row)).toEqual([2]);
		expect(reading.invalidRows).toBe(2);
		expect(reading.problems).toEqual([
			{ row: 3, column: 'Q1', value: 'Maybe', error: 'answer_errors.not_an_option' },
			{ row: 3, column: 'Q3', value: 'parks;food;jobs', error: 'answer_errors.too_many_choices' },
			{ row: 4, column: 'Q1', value: '', error: 'answer_errors.required' },
			{ row: 4, column: 'Q2', value: 'peut-être', error: 'answer_errors.not_an_option' }
		]);
	});

	it('refuses a file whose columns it cannot place, before reading any row', () => {
		const reading = readPaperResponses(definition, csv(`Q1,Colour\nBus,red`));
		expect(reading.fileProblems).toEqual([
			{ row: 1, column: 'Colour', value: 'Colour', error: 'paper.errors.unknown_column' }
		]);
		expect(reading.valid).toEqual([]);
		expect(readPaperResponses(definition, []).fileProblems[0].error).toBe('paper.errors.no_header');
	});

	it('gives a template header of question codes', () => {
		expect(paperTemplateHeader(definition)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
	});

	it('never throws on hostile sheets, and every row is either valid or has a problem', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.string({ maxLength: 30 }), { maxLength: 6 }), { maxLength: 8 }),
				(rows) => {
					const reading = readPaperResponses(definition, [['Q1', 'Q2', 'Q3', 'Q4'], ...rows]);
					const problemRows = new Set(reading.problems.map((p) => p.row));
					expect(problemRows.size).toBe(reading.invalidRows);
					for (const valid of reading.valid) expect(problemRows.has(valid.row)).toBe(false);
				}
			)
		);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireDefinitionInput } from './definition';
import { describePath, publishProblems } from './publish';
import { definitionArbitrary, options, text, uuid } from './test-arbitraries';

const translated: QuestionnaireDefinitionInput = {
	title: text('Getting around', 'Se déplacer'),
	intro: text('Tell us', 'Dites-nous'),
	sections: [
		{ id: uuid(100), title: text('You', 'Vous'), questions: [] },
		{
			id: uuid(101),
			title: text('Transport', 'Transport'),
			questions: [
				{ id: uuid(1), type: 'yes_no', prompt: text('Car?', 'Auto ?') },
				{ id: uuid(2), type: 'rating', prompt: text('Rate', 'Notez') },
				{
					id: uuid(3),
					type: 'single_choice',
					prompt: text('How?', 'Comment ?'),
					help: text('Pick one', 'Choisissez'),
					options: [
						{ value: 'bus', label: text('Bus', 'Autobus') },
						{ value: 'walk', label: text('Walking', 'Marche') }
					]
				}
			]
		}
	]
};

/** The definition with one change made at a path. */
function edit(path: (string | number)[], value: unknown): QuestionnaireDefinitionInput {
	const copy = structuredClone(translated);
	let node: Record<string | number, unknown> = copy as never;
	for (const part of path.slice(0, -1)) node = node[part] as never;
	node[path.at(-1)!] = value;
	return copy;
}

describe('publishProblems', () => {
	it('finds nothing in a fully translated, valid questionnaire', () => {
		expect(publishProblems(translated)).toEqual([]);
	});

	it('names a missing option label by section, question and option', () => {
		const problems = publishProblems(
			edit(['sections', 1, 'questions', 2, 'options', 0, 'label', 'fr'], '')
		);
		expect(problems).toEqual([
			{
				path: 'Section 2 › Question 3 › option "Bus"',
				field: 'sections.1.questions.2.options.0.label',
				language: 'fr',
				error: 'questionnaire_errors.translation_missing_fr'
			}
		]);
	});

	it('describes the place in the page’s language', () => {
		const problems = publishProblems(
			edit(['sections', 1, 'questions', 2, 'options', 0, 'label', 'en'], ''),
			'fr'
		);
		expect(problems.map((problem) => problem.path)).toEqual([
			'Section 2 › Question 3 › option «\u00a0Autobus\u00a0»'
		]);
		expect(problems[0].language).toBe('en');
	});

	it.each<[string, (string | number)[], unknown, string]>([
		['the title', ['title', 'en'], '', 'Questionnaire › title'],
		['the introduction', ['intro', 'fr'], ' ', 'Questionnaire › introduction'],
		['a section title', ['sections', 0, 'title', 'fr'], '', 'Section 1 › title'],
		[
			'a prompt',
			['sections', 1, 'questions', 0, 'prompt', 'fr'],
			'',
			'Section 2 › Question 1 › question text'
		],
		[
			'help',
			['sections', 1, 'questions', 2, 'help', 'en'],
			'',
			'Section 2 › Question 3 › help text'
		],
		[
			'a scale label',
			['sections', 1, 'questions', 1, 'lowLabel'],
			text('Poor', ''),
			'Section 2 › Question 2 › label for the low end'
		]
	])('reports %s', (_, path, value, where) => {
		expect(publishProblems(edit(path, value)).map((problem) => problem.path)).toEqual([where]);
	});

	it('reports both languages of a required text left blank, but not optional ones', () => {
		expect(publishProblems(edit(['title'], text('', ''))).map((p) => p.language)).toEqual([
			'en',
			'fr'
		]);
		expect(publishProblems(edit(['intro'], text('', '')))).toEqual([]);
		expect(publishProblems(edit(['sections', 1, 'questions', 2, 'help'], undefined))).toEqual([]);
	});

	it('reports a consent statement and organizer-listed areas', () => {
		const draft = edit(
			['sections', 0, 'questions'],
			[
				{
					id: uuid(7),
					type: 'consent',
					prompt: text('Consent', 'Consentement'),
					statement: text('I agree', '')
				},
				{
					id: uuid(8),
					type: 'demographic',
					dimension: 'area_of_residence',
					prompt: text('Area', 'Secteur'),
					customOptions: [
						{ value: 'north', label: text('', 'Nord') },
						{ value: 'south', label: text('South', 'Sud') }
					]
				}
			]
		);
		expect(publishProblems(draft).map((p) => [p.path, p.language])).toEqual([
			['Section 1 › Question 1 › consent statement', 'fr'],
			['Section 1 › Question 2 › option "Nord"', 'en']
		]);
	});

	it('adds the validity problems the schema finds', () => {
		const oneOption = edit(['sections', 1, 'questions', 2, 'options'], options('bus'));
		expect(publishProblems(oneOption)).toEqual([
			{
				path: 'Section 2 › Question 3 › options',
				field: 'sections.1.questions.2.options',
				error: 'questionnaire_errors.too_few_options'
			}
		]);
		const noSections = { title: text('T', 'T'), sections: [] };
		expect(publishProblems(noSections)).toEqual([
			{
				path: 'Questionnaire › sections',
				field: 'sections',
				error: 'questionnaire_errors.no_sections'
			}
		]);
	});

	it('reports exactly the one text blanked in a generated questionnaire', () => {
		fc.assert(
			fc.property(
				definitionArbitrary.chain((def) => {
					const places: (string | number)[][] = [['title']];
					def.sections.forEach((section, s) => {
						places.push(['sections', s, 'title']);
						section.questions.forEach((question, q) => {
							places.push(['sections', s, 'questions', q, 'prompt']);
							if ('options' in question)
								question.options.forEach((_, o) =>
									places.push(['sections', s, 'questions', q, 'options', o, 'label'])
								);
						});
					});
					return fc.tuple(
						fc.constant(def),
						fc.constantFrom(...places),
						fc.constantFrom('en', 'fr')
					);
				}),
				([def, place, lang]) => {
					expect(publishProblems(def)).toEqual([]);
					const copy = structuredClone(def);
					let node: Record<string | number, unknown> = copy as never;
					for (const part of place) node = node[part] as never;
					node[lang] = '';
					const problems = publishProblems(copy);
					expect(problems.map((p) => [p.field, p.language])).toEqual([[place.join('.'), lang]]);
				}
			)
		);
	});
});

describe('describePath', () => {
	it('falls back to the raw field name and to the option value', () => {
		expect(describePath(translated, ['sections', 1, 'questions', 0, 'mystery'])).toBe(
			'Section 2 › Question 1 › mystery'
		);
		const unlabeled = edit(['sections', 1, 'questions', 2, 'options', 1, 'label'], text('', ''));
		expect(describePath(unlabeled, ['sections', 1, 'questions', 2, 'options', 1, 'value'])).toBe(
			'Section 2 › Question 3 › option "walk"'
		);
		expect(
			describePath(translated, ['sections', 1, 'questions', 0, 'condition', 'questionId'], 'fr')
		).toBe('Section 2 › Question 1 › condition');
	});
});

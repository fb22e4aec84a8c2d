import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	answerField as domainAnswerField,
	answersFromForm,
	CONSENT_VALUE as DOMAIN_CONSENT_VALUE,
	formFromAnswers,
	OTHER_CHOICE as DOMAIN_OTHER_CHOICE,
	OTHER_MAX_LENGTH as DOMAIN_OTHER_MAX_LENGTH,
	otherField as domainOtherField,
	rankField as domainRankField,
	validateAnswer,
	validateResponse,
	walkVisible,
	type QuestionnaireDefinition
} from '$lib/domain/questionnaires';
import {
	answeredArbitrary,
	definition,
	options,
	text,
	uuid
} from '$lib/domain/questionnaires/test-arbitraries';
import { surveyView } from '$lib/server/survey/view';
import {
	answerEntries,
	answerField,
	CONSENT_VALUE,
	formFields,
	missingRequired,
	OTHER_CHOICE,
	OTHER_MAX_LENGTH,
	otherField,
	questionOfField,
	rankField,
	rawAnswers,
	visibleSections
} from './live';

/** The shown question ids per shown section, as the server decides them. */
function serverVisible(def: QuestionnaireDefinition, fields: [string, string][]) {
	const raw = answersFromForm(def, fields);
	return walkVisible(def, (question) => {
		const result = validateAnswer(question, raw[question.id]);
		return result.ok ? result.value : undefined;
	}).map(({ section, questions }) => ({
		index: def.sections.indexOf(section),
		ids: questions.map((question) => question.id)
	}));
}

function browserVisible(def: QuestionnaireDefinition, fields: [string, string][]) {
	return visibleSections(surveyView('s', def, 'en'), formFields(fields)).map(
		({ index, questions }) => ({ index, ids: questions.map((question) => question.id) })
	);
}

describe('the page script agrees with the questionnaire domain', () => {
	it('names fields and encodes values the same way', () => {
		const id = uuid(7);
		expect(answerField(id)).toBe(domainAnswerField(id));
		expect(otherField(id)).toBe(domainOtherField(id));
		expect(rankField(id, 'bus')).toBe(domainRankField(id, 'bus'));
		expect(OTHER_CHOICE).toBe(DOMAIN_OTHER_CHOICE);
		expect(CONSENT_VALUE).toBe(DOMAIN_CONSENT_VALUE);
		expect(OTHER_MAX_LENGTH).toBe(DOMAIN_OTHER_MAX_LENGTH);
		expect(questionOfField(domainRankField(id, 'bus'))).toBe(id);
		expect(questionOfField(domainOtherField(id))).toBe(id);
		expect(questionOfField('responseId')).toBeUndefined();
	});

	it('reads a form into the answers answersFromForm reads', () => {
		fc.assert(
			fc.property(answeredArbitrary, fc.array(fc.boolean()), ({ definition: def, raw }, keep) => {
				// Leave some questions blank, so conditions see unanswered questions too.
				const answers = Object.fromEntries(
					Object.entries(raw).filter((_, index) => keep[index] ?? true)
				);
				const fields = formFromAnswers(def, answers);
				expect(rawAnswers(surveyView('s', def, 'en'), formFields(fields))).toEqual(
					answersFromForm(def, fields)
				);
			})
		);
	});

	it('shows the sections and questions the server shows', () => {
		fc.assert(
			fc.property(answeredArbitrary, fc.array(fc.boolean()), ({ definition: def, raw }, keep) => {
				const answers = Object.fromEntries(
					Object.entries(raw).filter((_, index) => keep[index] ?? true)
				);
				const fields = formFromAnswers(def, answers);
				expect(browserVisible(def, fields)).toEqual(serverVisible(def, fields));
			}),
			{ numRuns: 300 }
		);
	});

	it('finds the required questions the server finds blank', () => {
		fc.assert(
			fc.property(answeredArbitrary, fc.array(fc.boolean()), ({ definition: def, raw }, keep) => {
				const answers = Object.fromEntries(
					Object.entries(raw).filter((_, index) => keep[index] ?? true)
				);
				const fields = formFromAnswers(def, answers);
				const server = validateResponse(def, answersFromForm(def, fields));
				const missing = missingRequired(surveyView('s', def, 'en'), formFields(fields));
				expect(missing).toEqual(server.ok ? {} : server.errors);
			})
		);
	});
});

describe('conditions on what is typed, before the server has checked it', () => {
	const def = definition(
		[
			{ id: uuid(1), type: 'number', prompt: text('How many?'), integer: false },
			{
				id: uuid(2),
				type: 'short_text',
				prompt: text('Why?'),
				condition: { questionId: uuid(1), operator: 'at_least', value: 3 }
			},
			{ id: uuid(3), type: 'single_choice', prompt: text('Mode?'), options: options('bus', 'car') },
			{
				id: uuid(4),
				type: 'short_text',
				prompt: text('Which bus?'),
				condition: { questionId: uuid(3), operator: 'equals', value: 'bus' }
			}
		],
		[{ id: uuid(5), type: 'yes_no', prompt: text('More?') }]
	);
	const view = surveyView('s', def, 'fr');
	const shownIds = (fields: [string, string][]) =>
		visibleSections(view, formFields(fields)).flatMap(({ questions }) =>
			questions.map((question) => question.id)
		);

	it('reads numbers as residents write them, commas included', () => {
		expect(shownIds([[answerField(uuid(1)), '3,5']])).toContain(uuid(2));
		expect(shownIds([[answerField(uuid(1)), '2,5']])).not.toContain(uuid(2));
		expect(shownIds([[answerField(uuid(1)), 'lots']])).not.toContain(uuid(2));
	});

	it('ignores a choice that is not one of the options, as the server does', () => {
		expect(shownIds([[answerField(uuid(3)), 'bus']])).toContain(uuid(4));
		expect(shownIds([[answerField(uuid(3)), 'plane']])).not.toContain(uuid(4));
	});

	it('keeps only answer fields', () => {
		const fields = formFields([
			['responseId', 'x'],
			[answerField(uuid(1)), '4'],
			[answerField(uuid(1)), '5']
		]);
		expect(answerEntries(fields)).toEqual([
			[answerField(uuid(1)), '4'],
			[answerField(uuid(1)), '5']
		]);
	});
});

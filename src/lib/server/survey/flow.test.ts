import { describe, expect, it } from 'vitest';
import { answerField, rankField } from '$lib/domain/questionnaires';
import { definition, options, text, uuid } from '$lib/domain/questionnaires/test-arbitraries';
import type { SurveyState } from '$lib/answer/view';
import { newState, shownOnScreen, stateFromForm, step } from './flow';

const q = (n: number) => uuid(n);
const def = definition(
	[
		{ id: q(1), type: 'yes_no', prompt: text('Bus?'), required: true },
		{
			id: q(2),
			type: 'short_text',
			prompt: text('Which line?'),
			required: true,
			condition: { questionId: q(1), operator: 'equals', value: 'yes' }
		},
		{ id: q(3), type: 'ranking', prompt: text('Rank'), options: options('a', 'b', 'c'), top: 2 }
	],
	// Only for people who take the bus.
	[{ id: q(4), type: 'rating', prompt: text('Rate the bus'), required: true }],
	[{ id: q(5), type: 'long_text', prompt: text('Anything else?') }]
);
def.sections[1].condition = { questionId: q(1), operator: 'equals', value: 'yes' };

const state = (section: number, fields: [string, string][]): SurveyState => ({
	responseId: '6b1d3c3e-8f5a-4b8e-9a43-1f6f9a0c2d11',
	receipt: 'ABCD-EFGH-JKMN',
	editing: false,
	section,
	fields
});

function form(values: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of values) data.append(name, value);
	return data;
}

describe('the state a screen posts', () => {
	it('reads the hidden fields back, with the answers of known questions only', () => {
		const posted = stateFromForm(
			def,
			form([
				['responseId', '6B1D3C3E-8F5A-4B8E-9A43-1F6F9A0C2D11'],
				['receipt', 'abcd efgh jkmn'],
				['section', '2'],
				['editing', '1'],
				[answerField(q(1)), 'yes'],
				[rankField(q(3), 'a'), '1'],
				[rankField(q(3), 'zzz'), '1'],
				[answerField(uuid(99)), 'made up'],
				['q_junk', 'x']
			])
		);
		expect(posted).toEqual({
			responseId: '6b1d3c3e-8f5a-4b8e-9a43-1f6f9a0c2d11',
			receipt: 'ABCD-EFGH-JKMN',
			editing: true,
			section: 2,
			fields: [
				[answerField(q(1)), 'yes'],
				[rankField(q(3), 'a'), '1']
			]
		});
	});

	it('replaces what is missing or malformed: a new response from the first section', () => {
		const posted = stateFromForm(
			def,
			form([
				['responseId', 'not-a-uuid'],
				['receipt', 'nope'],
				['section', '42']
			])
		);
		expect(posted.responseId).toMatch(/^[0-9a-f-]{36}$/);
		expect(posted.receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		expect(posted.section).toBe(0);
		expect(posted.editing).toBe(false);
		expect(newState(def).section).toBe(0);
	});

	it('reads the questions the screen showed', () => {
		expect(shownOnScreen(form([['shown', `${q(1)},${q(3)}`]]))).toEqual([q(1), q(3)]);
		expect(shownOnScreen(form([]))).toBeNull();
	});
});

describe('moving between screens', () => {
	it('checks only the section on screen', () => {
		const result = step(def, state(0, []), 'next', [q(1), q(3)]);
		expect(result).toEqual({
			kind: 'screen',
			state: state(0, []),
			errors: { [q(1)]: 'answer_errors.required' }
		});
	});

	it('keeps everything typed, wrong answers included', () => {
		const fields: [string, string][] = [
			[answerField(q(1)), 'no'],
			[rankField(q(3), 'a'), '1'],
			[rankField(q(3), 'b'), '1']
		];
		const result = step(def, state(0, fields), 'next', [q(1), q(3)]);
		expect(result).toEqual({
			kind: 'screen',
			state: state(0, fields),
			errors: { [q(3)]: 'answer_errors.rank_duplicate' }
		});
	});

	it('shows the questions an answer reveals before moving on (without JavaScript)', () => {
		const fields: [string, string][] = [[answerField(q(1)), 'yes']];
		const result = step(def, state(0, fields), 'next', [q(1), q(3)]);
		expect(result).toEqual({
			kind: 'screen',
			state: state(0, fields),
			notice: 'survey.new_questions'
		});
		// Once shown, it is checked like the others.
		expect(step(def, state(0, fields), 'next', [q(1), q(2), q(3)])).toEqual({
			kind: 'screen',
			state: state(0, fields),
			errors: { [q(2)]: 'answer_errors.required' }
		});
	});

	it('skips sections a condition hides, both ways', () => {
		const fields: [string, string][] = [[answerField(q(1)), 'no']];
		expect(step(def, state(0, fields), 'next', [q(1), q(3)])).toEqual({
			kind: 'screen',
			state: state(2, fields)
		});
		expect(step(def, state(2, fields), 'back')).toEqual({
			kind: 'screen',
			state: state(0, fields)
		});
		const bus: [string, string][] = [
			[answerField(q(1)), 'yes'],
			[answerField(q(2)), '85']
		];
		expect(step(def, state(0, bus), 'next', [q(1), q(2), q(3)])).toEqual({
			kind: 'screen',
			state: state(1, bus)
		});
		expect(step(def, state(0, bus), 'back')).toEqual({ kind: 'screen', state: state(0, bus) });
		expect(step(def, state(1, bus), 'stay')).toEqual({ kind: 'screen', state: state(1, bus) });
	});

	it('asks for the submit after the last shown section, with every answer', () => {
		const fields: [string, string][] = [
			[answerField(q(1)), 'no'],
			[answerField(q(5)), 'Thanks']
		];
		expect(step(def, state(2, fields), 'next', [q(5)])).toEqual({
			kind: 'submit',
			state: state(2, fields),
			answers: { [q(1)]: 'no', [q(5)]: 'Thanks' }
		});
	});

	it('goes back to an earlier section that no longer checks out', () => {
		const fields: [string, string][] = [
			[answerField(q(1)), 'yes'],
			[answerField(q(2)), '85'],
			[answerField(q(4)), '11']
		];
		expect(step(def, state(2, fields), 'next', [q(5)])).toEqual({
			kind: 'screen',
			state: state(1, fields),
			errors: { [q(4)]: 'answer_errors.out_of_range' }
		});
	});
});

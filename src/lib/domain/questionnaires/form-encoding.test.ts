import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateResponse } from './answers';
import {
	answerField,
	answersFromForm,
	formFields,
	formFromAnswers,
	otherField,
	rankField
} from './form-encoding';
import type { QuestionInput } from './question-types';
import { answeredArbitrary, definition, options, text, uuid } from './test-arbitraries';

const id = (n: number) => uuid(n);
const ask = (n: number, body: Partial<QuestionInput>) =>
	({ id: id(n), prompt: text(`Q${n}`), ...body }) as QuestionInput;

const def = definition([
	ask(1, { type: 'single_choice', options: options('bus', 'car'), allowOther: true }),
	ask(2, { type: 'multiple_choice', options: options('park', 'rink', 'pool'), allowOther: true }),
	ask(3, { type: 'ranking', options: options('a', 'b', 'c'), top: 2 }),
	ask(4, { type: 'rating' }),
	ask(5, { type: 'consent', statement: text('I agree') }),
	ask(6, { type: 'demographic', dimension: 'gender' }),
	ask(7, { type: 'long_text' })
]);

describe('field names', () => {
	it('name the answer, the "Other" text and each ranked option', () => {
		expect(answerField(id(1))).toBe(`q_${id(1)}`);
		expect(otherField(id(1))).toBe(`q_${id(1)}_other`);
		expect(rankField(id(3), 'a')).toBe(`q_${id(3)}_rank_a`);
	});
});

describe('answersFromForm', () => {
	it('reads a posted form, FormData included', () => {
		const form = new FormData();
		form.append(answerField(id(1)), 'car');
		form.append(answerField(id(2)), 'park');
		form.append(answerField(id(2)), 'pool');
		form.append(rankField(id(3), 'a'), '2');
		form.append(rankField(id(3), 'b'), '');
		form.append(rankField(id(3), 'c'), '1');
		form.append(answerField(id(4)), '7');
		form.append(answerField(id(5)), 'yes');
		form.append(answerField(id(6)), 'woman');
		form.append(answerField(id(7)), 'More benches\r\nplease');
		form.append('q_unknown', 'ignored');
		form.append(answerField(id(7)) + '_file', new Blob(['x']));
		expect(answersFromForm(def, form)).toEqual({
			[id(1)]: 'car',
			[id(2)]: ['park', 'pool'],
			[id(3)]: { a: '2', c: '1' },
			[id(4)]: '7',
			[id(5)]: 'yes',
			[id(6)]: 'woman',
			[id(7)]: 'More benches\r\nplease'
		});
	});

	it('leaves out questions with nothing posted', () => {
		expect(answersFromForm(def, [])).toEqual({});
		expect(answersFromForm(def, [[answerField(id(2)), 'park']])).toEqual({ [id(2)]: ['park'] });
	});

	it('treats "Other" text as choosing "Other", even if the button was not ticked', () => {
		expect(answersFromForm(def, [[otherField(id(1)), 'scooter']])).toEqual({
			[id(1)]: { other: 'scooter' }
		});
		expect(
			answersFromForm(def, [
				[answerField(id(1)), '@other'],
				[otherField(id(1)), 'scooter']
			])
		).toEqual({ [id(1)]: { other: 'scooter' } });
		expect(
			answersFromForm(def, [
				[answerField(id(2)), 'rink'],
				[otherField(id(2)), 'skatepark']
			])
		).toEqual({ [id(2)]: { selected: ['rink'], other: 'skatepark' } });
	});

	it('lets the chosen option win over text left in the "Other" box', () => {
		expect(
			answersFromForm(def, [
				[answerField(id(1)), 'bus'],
				[otherField(id(1)), 'scooter']
			])
		).toEqual({ [id(1)]: 'bus' });
	});

	it('passes "Other" ticked without text on, for validation to ask for it', () => {
		const raw = answersFromForm(def, [[answerField(id(2)), '@other']]);
		expect(raw).toEqual({ [id(2)]: { selected: ['@other'], other: '' } });
		expect(validateResponse(def, raw)).toEqual({
			ok: false,
			errors: { [id(2)]: 'answer_errors.other_empty' }
		});
	});

	it('passes repeated values of a single-answer question on, for validation to refuse', () => {
		const raw = answersFromForm(def, [
			[answerField(id(4)), '3'],
			[answerField(id(4)), '4']
		]);
		expect(validateResponse(def, raw)).toEqual({
			ok: false,
			errors: { [id(4)]: 'answer_errors.invalid' }
		});
	});

	it('validates into stored answers', () => {
		const raw = answersFromForm(def, [
			[answerField(id(1)), 'car'],
			[rankField(id(3), 'a'), '2'],
			[rankField(id(3), 'c'), '1'],
			[answerField(id(5)), 'yes'],
			[answerField(id(6)), 'prefer_not_to_say']
		]);
		expect(validateResponse(def, raw)).toEqual({
			ok: true,
			answers: { [id(1)]: 'car', [id(3)]: ['c', 'a'], [id(5)]: true },
			demographics: { gender: 'prefer_not_to_say' }
		});
	});
});

describe('formFromAnswers', () => {
	it('writes the fields that re-fill a form', () => {
		expect(
			formFromAnswers(
				def,
				{
					[id(1)]: { other: 'scooter' },
					[id(2)]: { selected: ['park'], other: 'skatepark' },
					[id(3)]: ['c', 'a'],
					[id(4)]: 7,
					[id(5)]: true
				},
				{ gender: 'man' }
			)
		).toEqual([
			[answerField(id(1)), '@other'],
			[otherField(id(1)), 'scooter'],
			[answerField(id(2)), 'park'],
			[answerField(id(2)), '@other'],
			[otherField(id(2)), 'skatepark'],
			[rankField(id(3), 'c'), '1'],
			[rankField(id(3), 'a'), '2'],
			[answerField(id(4)), '7'],
			[answerField(id(5)), 'yes'],
			[answerField(id(6)), 'man']
		]);
	});

	it('groups fields by name for a page to look values up', () => {
		const fields = formFields(formFromAnswers(def, { [id(2)]: ['park', 'rink'] }));
		expect(fields.get(answerField(id(2)))).toEqual(['park', 'rink']);
	});

	it('round-trips: form fields from stored answers validate back to the same answers', () => {
		fc.assert(
			fc.property(answeredArbitrary, ({ definition: d, raw }) => {
				const stored = validateResponse(d, raw);
				if (!stored.ok) throw new Error('generated answers should be valid');
				const form = formFromAnswers(d, stored.answers, stored.demographics);
				expect(validateResponse(d, answersFromForm(d, form))).toEqual(stored);
			})
		);
	});
});

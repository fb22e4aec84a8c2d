import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { QuestionInput, QuestionnaireDefinitionInput } from '../questionnaires';
import { nestedFieldErrors } from '../validation';
import {
	arrangementOf,
	breaksConditions,
	earlierQuestions,
	moveQuestion,
	moveSection,
	newQuestion
} from './arrangement';
import { dayOf, endOfDay, lastDayBefore, startOfDay } from './dates';
import { describeCondition } from './describe';
import { questionnaireSettingsForm, questionnaireSettingsInput } from './forms';
import {
	conditionValueFrom,
	editorRows,
	formFromQuestion,
	optionValueFor,
	questionFromForm
} from './question-form';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const text = (en: string, fr: string) => ({ en, fr });

const transport: QuestionInput = {
	id: uuid(1),
	type: 'single_choice',
	prompt: text('How?', 'Comment ?'),
	options: [
		{ value: 'bus', label: text('Bus', 'Autobus') },
		{ value: 'car', label: text('Car', 'Auto') }
	]
};
const owner: QuestionInput = {
	id: uuid(2),
	type: 'yes_no',
	prompt: text('Own a car?', 'Une auto ?'),
	condition: { questionId: uuid(1), operator: 'equals', value: 'car' }
};
const definition: QuestionnaireDefinitionInput = {
	title: text('T', 'T'),
	sections: [
		{ id: uuid(10), title: text('A', 'A'), questions: [transport, owner] },
		{ id: uuid(11), title: text('B', 'B'), questions: [] }
	]
};

describe('nestedFieldErrors', () => {
	it('names each field by its whole path', () => {
		const schema = z.object({
			options: z.array(z.object({ label: z.object({ fr: z.string().min(1, 'errors.required') }) }))
		});
		const result = schema.safeParse({ options: [{ label: { fr: 'x' } }, { label: { fr: '' } }] });
		expect(!result.success && nestedFieldErrors(result.error)).toEqual({
			'options.1.label.fr': 'errors.required'
		});
	});
});

describe('option keys', () => {
	it('come from the English label, else the French one, and never repeat', () => {
		expect(optionValueFor(text('Public transit', ''), [])).toBe('public_transit');
		expect(optionValueFor(text('', 'Vélo électrique'), [])).toBe('velo_electrique');
		expect(optionValueFor(text('Bus', 'Autobus'), ['bus', 'bus_2'])).toBe('bus_3');
		expect(optionValueFor(text('!!!', '???'), [])).toBe('option');
		expect(optionValueFor(text('a'.repeat(60), ''), ['a'.repeat(40)])).toMatch(/^a{38}_2$/);
	});
});

describe('the question form', () => {
	it('reads back what formFromQuestion writes', () => {
		const { question } = questionFromForm(transport, formFromQuestion(transport), []);
		expect(question).toEqual({ ...transport, required: false });
	});

	it('ignores blank rows, drops removed ones, and maps errors back to form rows', () => {
		const { question, fieldOf } = questionFromForm(
			transport,
			{
				'prompt.en': 'How?',
				'options.0.value': 'bus',
				'options.0.label.en': 'Bus',
				'options.0.remove': 'on',
				'options.3.value': '',
				'options.3.label.en': 'Walking',
				'options.5.value': '',
				'options.5.label.fr': 'Vélo'
			},
			[]
		);
		expect(question.options).toEqual([
			{ value: 'walking', label: text('Walking', '') },
			{ value: 'velo', label: text('', 'Vélo') }
		]);
		expect(fieldOf('options.1.label.en')).toBe('options.5.label.en');
		expect(fieldOf('options.0.value')).toBe('options.3.label.en');
		expect(fieldOf('prompt.fr')).toBe('prompt.fr');
	});

	it('offers three blank rows to fill in', () => {
		const rows = editorRows(formFromQuestion(transport), 'options');
		expect(rows.map((row) => [row.index, row.value])).toEqual([
			[0, 'bus'],
			[1, 'car'],
			[2, ''],
			[3, ''],
			[4, '']
		]);
		const fresh = newQuestion('multiple_choice', uuid(3));
		expect(editorRows(formFromQuestion(fresh), 'options')).toHaveLength(3);
	});

	it('understands a condition value typed as a label, yes/no in either language, or a French number', () => {
		expect(conditionValueFrom('autobus', transport)).toBe('bus');
		expect(conditionValueFrom('Oui', owner)).toBe('yes');
		expect(conditionValueFrom('2,5', { id: uuid(4), type: 'number', prompt: text('', '') })).toBe(
			2.5
		);
	});
});

describe('arrangement', () => {
	const arrangement = arrangementOf(definition);

	it('moves questions across sections and sections past each other', () => {
		expect(moveQuestion(arrangement, uuid(2), 'down')).toEqual([
			{ sectionId: uuid(10), questionIds: [uuid(1)] },
			{ sectionId: uuid(11), questionIds: [uuid(2)] }
		]);
		expect(moveQuestion(arrangement, uuid(1), 'up')).toBeNull();
		expect(moveSection(arrangement, uuid(11), 'up')?.map((s) => s.sectionId)).toEqual([
			uuid(11),
			uuid(10)
		]);
	});

	it('notices a condition that would look ahead', () => {
		expect(breaksConditions(definition, moveQuestion(arrangement, uuid(2), 'up')!)).toBe(true);
		expect(breaksConditions(definition, moveQuestion(arrangement, uuid(2), 'down')!)).toBe(false);
		expect(earlierQuestions(definition, uuid(11)).map((q) => q.id)).toEqual([uuid(1), uuid(2)]);
	});

	it('describes a condition in either language', () => {
		expect(describeCondition(definition, owner.condition!, 'en')).toBe(
			'Shown only if the answer to Section 1 › Question 1 (“How?”) is “Car”.'
		);
		expect(describeCondition(definition, owner.condition!, 'fr')).toContain('«\u00a0Auto\u00a0»');
	});
});

describe('dates', () => {
	it('opens at the start of the first day and closes at the end of the last, in Eastern time', () => {
		expect(startOfDay('2026-01-15').toISOString()).toBe('2026-01-15T05:00:00.000Z');
		expect(endOfDay('2026-07-15').toISOString()).toBe('2026-07-16T04:00:00.000Z');
		// across the autumn change, the last day still ends at local midnight
		expect(endOfDay('2026-10-31').toISOString()).toBe('2026-11-01T04:00:00.000Z');
		expect(endOfDay('2026-11-01').toISOString()).toBe('2026-11-02T05:00:00.000Z');
		expect(dayOf(startOfDay('2026-03-08'))).toBe('2026-03-08');
		expect(lastDayBefore(endOfDay('2026-03-08'))).toBe('2026-03-08');
	});

	it('refuses a last day before the first, and impossible dates', () => {
		const parse = (opensOn: string, closesOn: string) =>
			questionnaireSettingsForm.safeParse(
				questionnaireSettingsInput({ 'title.en': 'T', opensOn, closesOn })
			);
		const inverted = parse('2026-05-02', '2026-05-01');
		expect(!inverted.success && nestedFieldErrors(inverted.error)).toEqual({
			closesOn: 'builder.errors.closes_before_opens'
		});
		const impossible = parse('2026-02-30', '');
		expect(!impossible.success && nestedFieldErrors(impossible.error)).toEqual({
			opensOn: 'builder.errors.date_format'
		});
		expect(parse('2026-05-01', '2026-05-01').success).toBe(true);
	});
});

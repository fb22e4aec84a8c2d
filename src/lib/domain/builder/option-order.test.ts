import { describe, expect, it } from 'vitest';
import { moveOptionForm, moveOptionRow } from './option-order';
import { formFromQuestion, questionFromForm } from './question-form';

const question = {
	id: '00000000-0000-4000-8000-000000000001',
	type: 'single_choice' as const,
	prompt: { en: 'How?', fr: 'Comment ?' },
	options: [
		{ value: 'bus', label: { en: 'Bus', fr: 'Autobus' } },
		{ value: 'walk', label: { en: 'Walk', fr: 'À pied' } },
		{ value: 'bike', label: { en: 'Bike', fr: 'Vélo' } }
	]
};
const order = (values: Record<string, string>) =>
	(questionFromForm(question, values, []).question.options as { value: string }[]).map(
		(option) => option.value
	);

describe('moving an option', () => {
	it('swaps it with its neighbour, what was typed included', () => {
		const values = { ...formFromQuestion(question), 'options.2.label.en': 'Bicycle' };
		const down = moveOptionRow(values, { list: 'options', row: 0, direction: 'down' });
		expect(down?.position).toBe(2);
		expect(order(down!.values)).toEqual(['walk', 'bus', 'bike']);
		const up = moveOptionRow(values, { list: 'options', row: 2, direction: 'up' });
		expect(order(up!.values)).toEqual(['bus', 'bike', 'walk']);
		expect(up!.values['options.1.label.en']).toBe('Bicycle');
	});

	it('skips blank rows and keeps a new option typed in a row', () => {
		const values = {
			...formFromQuestion(question),
			'options.3.value': '',
			'options.3.label.en': '',
			'options.3.label.fr': '',
			'options.4.value': '',
			'options.4.label.en': 'Car',
			'options.4.label.fr': 'Auto'
		};
		const up = moveOptionRow(values, { list: 'options', row: 4, direction: 'up' });
		expect(order(up!.values)).toEqual(['bus', 'walk', 'car', 'bike']);
	});

	it('does nothing past either end, on a blank row or an unknown one', () => {
		const values = formFromQuestion(question);
		expect(moveOptionRow(values, { list: 'options', row: 0, direction: 'up' })).toBeNull();
		expect(moveOptionRow(values, { list: 'options', row: 2, direction: 'down' })).toBeNull();
		expect(moveOptionRow(values, { list: 'options', row: 9, direction: 'up' })).toBeNull();
		expect(moveOptionRow(values, { list: 'customOptions', row: 1, direction: 'up' })).toBeNull();
	});

	it('reads only well-formed move requests', () => {
		expect(moveOptionForm.parse({ moveOption: 'options.12.up' }).moveOption).toEqual({
			list: 'options',
			row: 12,
			direction: 'up'
		});
		for (const bad of ['options.1.left', 'answers.1.up', 'options.x.up', 'options.1.up.more'])
			expect(moveOptionForm.safeParse({ moveOption: bad }).success).toBe(false);
	});
});

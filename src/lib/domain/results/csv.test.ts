import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { demographicQuestion, questionSchema, type Question } from '../questionnaires';
import { answerCell, BOM, exportRows, toCsv, type ExportResponse } from './csv';

const option = (value: string, en: string, fr: string) => ({ value, label: { en, fr } });
const question = (input: Record<string, unknown>): Question =>
	questionSchema.parse({ id: crypto.randomUUID(), ...input });

const single = question({
	type: 'single_choice',
	prompt: { en: 'How long?', fr: 'Depuis quand ?' },
	options: [option('new', 'New', 'Nouveau'), option('old', 'Long time', 'Longtemps')],
	allowOther: true
});
const multiple = question({
	type: 'multiple_choice',
	prompt: { en: 'Improve?', fr: 'Améliorer ?' },
	options: [
		option('housing', 'Housing', 'Logement'),
		option('food', 'Food', 'Alimentation'),
		option('parks', 'Parks', 'Parcs')
	],
	allowOther: true
});
const ranking = question({
	type: 'ranking',
	prompt: { en: 'Rank', fr: 'Classez' },
	options: [option('a', 'Alpha', 'Alpha fr'), option('b', 'Beta', 'Bêta')],
	top: 2
});
const agreement = question({ type: 'agreement_scale', prompt: { en: 'Safe', fr: 'Sûr' } });
const count = question({ type: 'number', prompt: { en: 'People', fr: 'Personnes' } });
const yesNo = question({ type: 'yes_no', prompt: { en: 'Active?', fr: 'Actif ?' } });
const text = question({ type: 'short_text', prompt: { en: 'Why?', fr: 'Pourquoi ?' } });
const age = demographicQuestion('age_group');

const questions = [single, multiple, ranking, agreement, count, yesNo, text, age];

const responses: ExportResponse[] = [
	{
		submittedAt: new Date(2026, 2, 14, 12),
		channel: 'paper',
		language: 'fr',
		answers: {
			[single.id]: { other: 'Depuis toujours' },
			[multiple.id]: { selected: ['housing', 'parks'], other: 'Vélo' },
			[ranking.id]: ['b', 'a'],
			[agreement.id]: 4,
			[count.id]: -2,
			[yesNo.id]: 'yes',
			[text.id]: '=HYPERLINK("x")'
		},
		demographics: { age_group: '25_34' }
	},
	{
		submittedAt: new Date(2026, 2, 15, 12),
		channel: 'online',
		language: 'en',
		answers: { [single.id]: 'old' },
		demographics: {}
	}
];

describe('CSV export', () => {
	it('writes answers as words in the chosen language', () => {
		expect(answerCell(single, 'old', 'fr')).toBe('Longtemps');
		expect(answerCell(single, { other: 'Always' }, 'en')).toBe('Other: Always');
		expect(answerCell(single, { other: 'Toujours' }, 'fr')).toBe('Autre\u00a0: Toujours');
		expect(answerCell(multiple, ['housing', 'food'], 'en')).toBe('Housing; Food');
		expect(answerCell(multiple, { selected: ['food'], other: 'Bikes' }, 'en')).toBe(
			'Food; Other: Bikes'
		);
		expect(answerCell(ranking, ['b', 'a'], 'fr')).toBe('1. Bêta; 2. Alpha fr');
		expect(answerCell(agreement, 5, 'en')).toBe('Strongly agree');
		expect(answerCell(yesNo, 'no', 'fr')).toBe('Non');
		expect(answerCell(count, 3.5, 'fr')).toBe(3.5);
		expect(answerCell(age, '75_plus', 'en')).toBe('75 or older');
		expect(answerCell(text, undefined, 'en')).toBe('');
	});

	it('has a row number, date, channel and language, then a column per question', () => {
		const [header, first, second] = exportRows(questions, responses, {
			lang: 'en',
			demographics: false
		});
		expect(header).toEqual([
			'No.',
			'Date submitted',
			'Channel',
			'Language',
			'How long?',
			'Improve?',
			'Rank',
			'Safe',
			'People',
			'Active?',
			'Why?'
		]);
		expect(first.slice(0, 4)).toEqual([1, '2026-03-14', 'Paper', 'French']);
		expect(first.slice(4, 7)).toEqual([
			'Other: Depuis toujours',
			'Housing; Parks; Other: Vélo',
			'1. Beta; 2. Alpha'
		]);
		expect(second).toEqual([2, '2026-03-15', 'Online', 'English', 'Long time', ...repeat('', 6)]);
	});

	it('adds the demographic columns only when asked', () => {
		const [header, first, second] = exportRows(questions, responses, {
			lang: 'fr',
			demographics: true
		});
		expect(header.slice(0, 4)).toEqual(['Nº', 'Date de la réponse', 'Mode de collecte', 'Langue']);
		expect(header.at(-1)).toBe(age.prompt.fr);
		expect(first.at(-1)).toBe('25 à 34 ans');
		expect(second.at(-1)).toBe('');
	});

	it('is UTF-8 text with a byte-order mark, and never runs a formula', () => {
		const csv = toCsv(exportRows(questions, responses, { lang: 'fr', demographics: false }));
		expect(csv.startsWith(BOM)).toBe(true);
		const rows = Papa.parse<string[]>(csv.slice(1)).data;
		expect(rows[0][4]).toBe('Depuis quand ?');
		expect(rows[1][3]).toBe('Français');
		expect(rows[1][8]).toBe('-2');
		expect(rows[1][10]).toBe(`'=HYPERLINK("x")`);
		expect(csv).toContain('\r\n');
	});
});

function repeat<T>(value: T, times: number): T[] {
	return Array.from({ length: times }, () => value);
}

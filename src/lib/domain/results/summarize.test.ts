import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../questionnaires';
import { summarizeQuestion } from './summarize';

const label = (en: string) => ({ en, fr: en });
const id = '00000000-0000-4000-8000-000000000001';
const opts = (...values: string[]) => values.map((value) => ({ value, label: label(value) }));
const records = (...values: unknown[]) =>
	values.map((value) => ({ value, language: 'en' as const }));

describe('summarizeQuestion', () => {
	it('counts choices, with "other" and its texts', () => {
		const question: Question = {
			id,
			type: 'multiple_choice',
			prompt: label('Q'),
			required: false,
			options: opts('a', 'b', 'c'),
			allowOther: true
		};
		const summary = summarizeQuestion(
			question,
			records(['a', 'b'], ['a'], { selected: ['c'], other: 'bikes' })
		);
		expect(summary).toEqual({
			kind: 'choices',
			answered: 3,
			counts: [
				{ value: 'a', count: 2 },
				{ value: 'b', count: 1 },
				{ value: 'c', count: 1 },
				{ value: '@other', count: 1 }
			],
			otherTexts: ['bikes']
		});
	});

	it('gives the distribution, mean and median of a scale', () => {
		const question: Question = { id, type: 'agreement_scale', prompt: label('Q'), required: false };
		const summary = summarizeQuestion(question, records(1, 4, 5, 5));
		expect(summary).toMatchObject({ kind: 'scale', answered: 4, mean: 3.75, median: 4.5 });
		if (summary.kind === 'scale')
			expect(summary.distribution.map((d) => d.count)).toEqual([1, 0, 0, 1, 2]);
	});

	it('scores rankings with Borda points and average rank (hand-computed)', () => {
		// top 2 of 3: first place 2 points, second 1
		const question: Question = {
			id,
			type: 'ranking',
			prompt: label('Q'),
			required: false,
			options: opts('x', 'y', 'z'),
			top: 2
		};
		const summary = summarizeQuestion(question, records(['x', 'y'], ['y', 'x'], ['y', 'z']));
		expect(summary).toEqual({
			kind: 'ranking',
			answered: 3,
			options: [
				{ value: 'y', bordaPoints: 5, averageRank: 4 / 3, timesRanked: 3 },
				{ value: 'x', bordaPoints: 3, averageRank: 1.5, timesRanked: 2 },
				{ value: 'z', bordaPoints: 1, averageRank: 2, timesRanked: 1 }
			]
		});
	});

	it('lists texts with their language, and handles no answers', () => {
		const question: Question = {
			id,
			type: 'short_text',
			prompt: label('Q'),
			required: false,
			maxLength: 200
		};
		expect(summarizeQuestion(question, [{ value: 'Plus de parcs', language: 'fr' }])).toEqual({
			kind: 'text',
			answered: 1,
			texts: [{ text: 'Plus de parcs', language: 'fr' }]
		});
		const number: Question = { id, type: 'number', prompt: label('Q'), required: false };
		expect(summarizeQuestion(number, [])).toEqual({
			kind: 'number',
			answered: 0,
			mean: null,
			median: null,
			min: null,
			max: null
		});
	});
});

describe('summarizeQuestion over counted answers', () => {
	// The results page reads distinct answers with how many gave each (counted in SQL): every
	// figure must be what the answers one by one would give.
	const questions: Question[] = [
		{ id, type: 'rating', prompt: label('Q'), required: false, min: 0, max: 10 },
		{ id, type: 'agreement_scale', prompt: label('Q'), required: false },
		{ id, type: 'number', prompt: label('Q'), required: false },
		{
			id,
			type: 'ranking',
			prompt: label('Q'),
			required: false,
			options: opts('a', 'b', 'c'),
			top: 2
		},
		{ id, type: 'single_choice', prompt: label('Q'), required: false, options: opts('a', 'b') }
	];
	const valueFor = (question: Question, n: number): unknown =>
		question.type === 'ranking'
			? [
					['a', 'b'],
					['b', 'c'],
					['c', 'a']
				][n % 3]
			: question.type === 'single_choice'
				? ['a', 'b'][n % 2]
				: question.type === 'agreement_scale'
					? 1 + (n % 5)
					: n % 11;

	it('equals the summary of the same answers given one by one', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...questions),
				fc.array(fc.record({ n: fc.nat(20), count: fc.integer({ min: 1, max: 6 }) }), {
					maxLength: 8
				}),
				(question, groups) => {
					const distinct = [...new Map(groups.map((g) => [g.n, g])).values()];
					const counted = distinct.map((g) => ({ value: valueFor(question, g.n), count: g.count }));
					const oneByOne = counted.flatMap((c) =>
						Array.from({ length: c.count }, () => ({ value: c.value }))
					);
					expect(summarizeQuestion(question, counted)).toEqual(
						summarizeQuestion(question, oneByOne)
					);
				}
			)
		);
	});
});

import { describe, expect, it } from 'vitest';
import { questionSchema, type Question, type QuestionInput } from '../questionnaires';
import { presentQuestion, presentResults, shownCount, viewVisibility } from './present';
import { summarizeQuestion, type AnswerRecord } from './summarize';

const q = (input: { type: QuestionInput['type'] } & Record<string, unknown>): Question =>
	questionSchema.parse({
		id: crypto.randomUUID(),
		prompt: { en: 'Prompt', fr: 'Question' },
		...input
	});

const option = (value: string) => ({ value, label: { en: value.toUpperCase(), fr: value } });

const single = q({
	type: 'single_choice',
	options: ['bus', 'walk', 'car'].map(option),
	allowOther: true
});
const agreement = q({ type: 'agreement_scale' });
const rating = q({ type: 'rating' });
const number = q({ type: 'number' });
const ranking = q({ type: 'ranking', options: ['a', 'b', 'c'].map(option), top: 2 });
const text = q({ type: 'long_text' });
const age = q({ type: 'demographic', dimension: 'age_group' });

const answers = (...values: unknown[]): AnswerRecord[] =>
	values.map((value) => ({ value, language: 'en' }));
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

describe('viewVisibility', () => {
	it('shows the whole questionnaire from k responses, and an empty one', () => {
		expect(viewVisibility({ size: 0, total: 0, parents: [] }, 5)).toEqual({ shown: true });
		expect(viewVisibility({ size: 4, total: 4, parents: [] }, 5)).toEqual({
			shown: false,
			reason: 'group_too_small'
		});
		expect(viewVisibility({ size: 5, total: 5, parents: [] }, 5)).toEqual({ shown: true });
	});

	it('hides a filtered group of fewer than k, never using a k below 5', () => {
		expect(viewVisibility({ size: 9, total: 40, parents: [40] }, 10).shown).toBe(false);
		expect(viewVisibility({ size: 4, total: 40, parents: [40] }, 2)).toEqual({
			shown: false,
			reason: 'group_too_small'
		});
		expect(viewVisibility({ size: 10, total: 40, parents: [40] }, 10).shown).toBe(true);
	});

	it('shows a filtered view that matches nobody: zero reveals nothing', () => {
		expect(viewVisibility({ size: 0, total: 40, parents: [40] }, 10).shown).toBe(true);
		expect(viewVisibility({ size: 0, total: 3, parents: [3] }, 10).shown).toBe(true);
	});

	it('hides a view whose complement in a wider view is 1 … k-1 people', () => {
		// 38 of 40 answered online: comparing with everyone would show the 2 others' answers
		expect(viewVisibility({ size: 38, total: 40, parents: [40] }, 5)).toEqual({
			shown: false,
			reason: 'complement_too_small'
		});
		// two filters: dropping the second one adds only 3 people
		expect(viewVisibility({ size: 20, total: 60, parents: [45, 23] }, 5)).toEqual({
			shown: false,
			reason: 'complement_too_small'
		});
		expect(viewVisibility({ size: 20, total: 60, parents: [45, 25] }, 5)).toEqual({
			shown: true
		});
	});
});

describe('shownCount', () => {
	it('hides 1 … k-1 and shows 0 and k or more', () => {
		expect(shownCount(0, 5)).toEqual({ value: 0, suppressed: false });
		expect(shownCount(4, 5)).toEqual({ value: null, suppressed: true });
		expect(shownCount(5, 5)).toEqual({ value: 5, suppressed: false });
	});
});

describe('presentQuestion', () => {
	it('shows choice counts with percentages of those who answered, hiding small cells and their complement', () => {
		const summary = summarizeQuestion(
			single,
			answers(...repeat('bus', 12), ...repeat('walk', 8), 'car', { other: 'Bike' })
		);
		const view = presentQuestion(single, summary, 5);
		expect(view.kind).toBe('choices');
		if (view.kind !== 'choices') return;
		expect(view.answered).toEqual({ value: 22, suppressed: false });
		expect(view.rows.map((row) => [row.value, row.count, row.suppressed])).toEqual([
			['bus', 12, false],
			['walk', 8, false],
			['car', null, true],
			['@other', null, true]
		]);
		expect(view.rows[0].percent).toBeCloseTo((12 / 22) * 100);
		expect(view.rows[2].percent).toBeNull();
		expect(view.rows[0].label).toEqual({ en: 'BUS', fr: 'bus' });
		expect(view.rows[3].label.en).toBe('Other');
		// one person chose "Other": listing what they wrote would show that count
		expect(view.otherTexts).toEqual([]);
		expect(view.otherTextsHidden).toBe(true);
	});

	it('hides the smallest other cell when only one would be hidden', () => {
		const summary = summarizeQuestion(
			single,
			answers(...repeat('bus', 12), ...repeat('walk', 6), 'car')
		);
		const view = presentQuestion(single, summary, 5);
		if (view.kind !== 'choices') throw new Error(view.kind);
		expect(view.rows.map((row) => row.count)).toEqual([12, null, null, 0]);
	});

	it('shows every point of a scale with its label, and the mean and median', () => {
		const summary = summarizeQuestion(agreement, answers(...repeat(4, 6), ...repeat(5, 6)));
		const view = presentQuestion(agreement, summary, 5);
		if (view.kind !== 'scale') throw new Error(view.kind);
		expect(view.rows.map((row) => row.value)).toEqual(['1', '2', '3', '4', '5']);
		expect(view.rows.map((row) => row.count)).toEqual([0, 0, 0, 6, 6]);
		expect(view.rows[3].label.en).toBe('Agree');
		expect(view.rows[3].percent).toBe(50);
		expect(view.mean).toBe(4.5);
		expect(view.median).toBe(4.5);
	});

	it('leaves out statistics of fewer than k answers', () => {
		const view = presentQuestion(rating, summarizeQuestion(rating, answers(3, 7)), 5);
		if (view.kind !== 'scale') throw new Error(view.kind);
		expect(view.rows).toHaveLength(11);
		expect(view.answered.suppressed).toBe(true);
		expect(view.mean).toBeNull();
		expect(view.rows.filter((row) => row.suppressed)).toHaveLength(2);
		const numbers = presentQuestion(number, summarizeQuestion(number, answers(1, 2, 3)), 5);
		expect(numbers).toMatchObject({ kind: 'number', mean: null, min: null, max: null });
	});

	it('shows the mean, median, lowest and highest of numbers', () => {
		const view = presentQuestion(number, summarizeQuestion(number, answers(1, 2, 3, 4, 10)), 5);
		expect(view).toMatchObject({ kind: 'number', mean: 4, median: 3, min: 1, max: 10 });
	});

	it('ranks options by Borda points, hiding options few people placed (and their complement), last', () => {
		const summary = summarizeQuestion(
			ranking,
			answers(...repeat(['a', 'b'], 6), ...repeat(['b', 'a'], 3), ['c', 'a'])
		);
		const view = presentQuestion(ranking, summary, 5);
		if (view.kind !== 'ranking') throw new Error(view.kind);
		expect(view.top).toBe(2);
		expect(view.rows.map((row) => [row.value, row.bordaPoints, row.suppressed])).toEqual([
			['a', 16, false],
			['b', null, true],
			['c', null, true]
		]);
		expect(view.rows[0].averageRank).toBeCloseTo(14 / 10);
	});

	it('lists written answers with their language when at least k people wrote them', () => {
		const written = [
			...repeat({ value: 'More trees', language: 'en' as const }, 4),
			{ value: 'Plus d’arbres', language: 'fr' as const }
		];
		const texts = presentQuestion(text, summarizeQuestion(text, written), 5);
		expect(texts).toMatchObject({ kind: 'text', textsHidden: false });
		if (texts.kind !== 'text') throw new Error(texts.kind);
		expect(texts.texts).toHaveLength(5);
		expect(texts.texts.at(-1)).toEqual({ text: 'Plus d’arbres', language: 'fr' });
		const few = presentQuestion(text, summarizeQuestion(text, written.slice(1)), 5);
		expect(few).toMatchObject({ kind: 'text', texts: [], textsHidden: true });
	});

	it('lists "Other" texts when their count is shown', () => {
		const summary = summarizeQuestion(
			single,
			answers(...repeat('bus', 12), ...repeat({ other: 'Bike' }, 6))
		);
		const view = presentQuestion(single, summary, 5);
		expect(view).toMatchObject({ otherTextsHidden: false, otherTexts: repeat('Bike', 6) });
	});

	it('counts demographic answers with the dimension’s labels', () => {
		const ages = presentQuestion(age, summarizeQuestion(age, answers(...repeat('25_34', 7))), 5);
		if (ages.kind !== 'choices') throw new Error(ages.kind);
		expect(ages.rows.find((row) => row.value === '25_34')).toMatchObject({
			count: 7,
			percent: 100,
			label: { en: '25 to 34' }
		});
		expect(ages.rows.at(-1)?.value).toBe('prefer_not_to_say');
	});
});

describe('presentResults', () => {
	const items = [{ question: single, summary: summarizeQuestion(single, answers('bus')) }];

	it('gives no numbers at all for a view that may not be shown', () => {
		const view = presentResults(items, { size: 3, total: 30, parents: [30] }, 5);
		expect(view).toEqual({ shown: false, k: 5, reason: 'group_too_small' });
		expect(JSON.stringify(view)).not.toContain('bus');
	});

	it('uses the effective k (never below 5)', () => {
		const view = presentResults(items, { size: 30, total: 30, parents: [] }, 3);
		expect(view).toMatchObject({ shown: true, k: 5, responses: 30 });
	});
});

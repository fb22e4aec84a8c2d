import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isShown, visibleQuestions, type Answers, type Condition } from './conditions';
import type { QuestionInput } from './question-types';
import {
	answerArbitrary,
	answeredArbitrary,
	definition,
	definitionArbitrary,
	options,
	text,
	uuid
} from './test-arbitraries';

const q = uuid(1);
const when = (operator: Condition['operator'], value: string | number): Condition => ({
	questionId: q,
	operator,
	value
});

describe('isShown', () => {
	it('shows what has no condition', () => {
		expect(isShown(undefined, {})).toBe(true);
	});

	it.each<[string, Condition, Answers[string] | undefined, boolean]>([
		['equals on a choice', when('equals', 'bus'), 'bus', true],
		['equals on another choice', when('equals', 'bus'), 'car', false],
		['equals on yes/no', when('equals', 'yes'), 'yes', true],
		['equals on a number', when('equals', 3), 3, true],
		['equals on "Other"', when('equals', '@other'), { other: 'scooter' }, true],
		['equals is not for lists', when('equals', 'bus'), ['bus'], false],
		['includes in a list', when('includes', 'bus'), ['car', 'bus'], true],
		['includes missing from a list', when('includes', 'bus'), ['car'], false],
		['includes "Other" in a list', when('includes', '@other'), { selected: [], other: 'x' }, true],
		['includes a ranked option', when('includes', 'park'), ['rink', 'park'], true],
		['includes on a scalar is equality', when('includes', 'bus'), 'bus', true],
		['not_includes in a list', when('not_includes', 'bus'), ['car'], true],
		[
			'not_includes present in a list',
			when('not_includes', 'bus'),
			{ selected: ['bus'], other: 'x' },
			false
		],
		['not_includes on a scalar is inequality', when('not_includes', 'bus'), 'car', true],
		['at_least reached', when('at_least', 4), 4, true],
		['at_least exceeded', when('at_least', 4), 5, true],
		['at_least missed', when('at_least', 4), 3, false],
		['at_least on a posted string', when('at_least', 7), '10', true],
		['equals on a posted string', when('equals', 2), '2', true],
		['at_least on a non-number', when('at_least', 4), 'bus', false]
	])('%s', (_, condition, answer, shown) => {
		expect(isShown(condition, answer === undefined ? {} : { [q]: answer })).toBe(shown);
	});

	it('treats an unanswered question as failing every test but not_includes', () => {
		for (const blank of [{}, { [q]: '' }, { [q]: [] }] as Answers[]) {
			expect(isShown(when('equals', 'bus'), blank)).toBe(false);
			expect(isShown(when('includes', 'bus'), blank)).toBe(false);
			expect(isShown(when('at_least', 1), blank)).toBe(false);
			expect(isShown(when('not_includes', 'bus'), blank)).toBe(true);
		}
	});

	it('makes not_includes the exact opposite of includes, answered or not', () => {
		const answer = fc.oneof(
			fc.constant(undefined),
			fc.constantFrom('bus', 'car', ''),
			fc.subarray(['bus', 'car', 'walk']),
			fc.integer({ min: 0, max: 10 }),
			fc.record({ other: fc.string() })
		);
		fc.assert(
			fc.property(
				answer,
				fc.constantFrom<string | number>('bus', 'car', 3, '@other'),
				(a, value) => {
					const answers: Answers = a === undefined ? {} : { [q]: a as Answers[string] };
					expect(isShown(when('not_includes', value), answers)).toBe(
						!isShown(when('includes', value), answers)
					);
				}
			)
		);
	});
});

describe('visibleQuestions', () => {
	const transport: QuestionInput = {
		id: uuid(1),
		prompt: text('How do you get around?'),
		type: 'multiple_choice',
		options: options('bus', 'car', 'walk')
	};
	const busStop: QuestionInput = {
		id: uuid(2),
		prompt: text('Which bus stop?'),
		type: 'short_text',
		condition: { questionId: uuid(1), operator: 'includes', value: 'bus' }
	};
	const busRating: QuestionInput = {
		id: uuid(3),
		prompt: text('Rate the bus'),
		type: 'rating',
		condition: { questionId: uuid(1), operator: 'includes', value: 'bus' }
	};
	const again: QuestionInput = {
		id: uuid(4),
		prompt: text('Why so low?'),
		type: 'long_text',
		condition: { questionId: uuid(3), operator: 'not_includes', value: 9 }
	};
	const ids = (visible: ReturnType<typeof visibleQuestions>) =>
		visible.map(({ section, questions }) => [section.id, questions.map((question) => question.id)]);

	it('shows follow-up questions only when their condition holds', () => {
		const def = definition([transport, busStop], [busRating]);
		expect(ids(visibleQuestions(def, { [uuid(1)]: ['car'] }))).toEqual([
			[uuid(1000), [uuid(1)]],
			[uuid(1001), []]
		]);
		expect(ids(visibleQuestions(def, { [uuid(1)]: ['bus'] }))).toEqual([
			[uuid(1000), [uuid(1), uuid(2)]],
			[uuid(1001), [uuid(3)]]
		]);
	});

	it('hides a whole section, questions included', () => {
		const def = definition([transport], [busStop]);
		const hidden = {
			...def,
			sections: [
				def.sections[0],
				{
					...def.sections[1],
					condition: { questionId: uuid(1), operator: 'includes' as const, value: 'walk' }
				}
			]
		};
		expect(ids(visibleQuestions(hidden, { [uuid(1)]: ['bus'] }))).toEqual([
			[uuid(1000), [uuid(1)]]
		]);
	});

	it('counts an answer to a hidden question as unanswered for later conditions', () => {
		const def = definition([transport, busRating, again]);
		// The rating is hidden (no bus), so its stale answer of 9 does not count: "not 9" holds
		// because nothing was rated, and the follow-up is still shown.
		const stale = { [uuid(1)]: ['car'], [uuid(3)]: 9 };
		expect(ids(visibleQuestions(def, stale))).toEqual([[uuid(1000), [uuid(1), uuid(4)]]]);
		expect(ids(visibleQuestions(def, { [uuid(1)]: ['bus'], [uuid(3)]: 9 }))).toEqual([
			[uuid(1000), [uuid(1), uuid(3)]]
		]);
	});

	it('always shows questions and sections without conditions', () => {
		fc.assert(
			fc.property(answeredArbitrary, ({ definition: def, raw }) => {
				const shown = new Set(
					visibleQuestions(def, raw).flatMap((section) => section.questions.map((x) => x.id))
				);
				const shownSections = new Set(visibleQuestions(def, raw).map((s) => s.section.id));
				for (const section of def.sections) {
					if (section.condition) continue;
					expect(shownSections.has(section.id)).toBe(true);
					for (const question of section.questions)
						if (!question.condition) expect(shown.has(question.id)).toBe(true);
				}
			})
		);
	});

	it('is not affected by answers to hidden questions', () => {
		fc.assert(
			fc.property(
				answeredArbitrary.chain(({ definition: def, raw }) => {
					const questions = def.sections.flatMap((section) => section.questions);
					const shown = new Set(
						visibleQuestions(def, raw).flatMap((section) => section.questions.map((x) => x.id))
					);
					const hidden = questions.filter((question) => !shown.has(question.id));
					return fc
						.tuple(...hidden.map((question) => fc.option(answerArbitrary(question))))
						.map((changed) => ({
							def,
							raw,
							changed: {
								...raw,
								...Object.fromEntries(hidden.map((question, i) => [question.id, changed[i]]))
							}
						}));
				}),
				({ def, raw, changed }) => {
					const clean = Object.fromEntries(
						Object.entries(changed).filter(([, value]) => value !== null)
					) as Answers;
					expect(visibleQuestions(def, clean)).toEqual(visibleQuestions(def, raw));
				}
			)
		);
	});

	it('keeps the definition’s order', () => {
		fc.assert(
			fc.property(definitionArbitrary, (def) => {
				const order = def.sections.flatMap((section) => section.questions.map((x) => x.id));
				const shown = visibleQuestions(def, {}).flatMap((s) => s.questions.map((x) => x.id));
				expect(shown).toEqual(order.filter((id) => shown.includes(id)));
			})
		);
	});
});

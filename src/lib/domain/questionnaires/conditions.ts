import { z } from 'zod';
import type { AnswerValue } from './answers';
import type { QuestionnaireDefinition, Section } from './definition';
import { conditionOperators, isShown, type ConditionOperator } from './rules';
import type { Question, QuestionType } from './question-types';

export { conditionOperators, isShown, type ConditionOperator } from './rules';

export const conditionSchema = z.object({
	questionId: z.uuid('errors.invalid'),
	operator: z.enum(conditionOperators, 'errors.invalid_choice'),
	value: z.union(
		[z.string().trim().min(1, 'errors.required').max(100, 'errors.too_long'), z.number()],
		'errors.invalid'
	)
});
export type Condition = z.infer<typeof conditionSchema>;

/** Validated answers by question id. */
export type Answers = Record<string, AnswerValue>;

/**
 * Which tests make sense on the answers to each question type. Free text and consent cannot be
 * tested: conditions on what people wrote would be fragile, and consent is always "given".
 * For single answers includes/not_includes mean equal/not equal, so "is not 'car'" is writable.
 */
export const conditionOperatorsFor: Record<QuestionType, readonly ConditionOperator[]> = {
	single_choice: ['equals', 'includes', 'not_includes'],
	multiple_choice: ['includes', 'not_includes'],
	ranking: ['includes', 'not_includes'],
	demographic: ['equals', 'includes', 'not_includes'],
	yes_no: ['equals', 'includes', 'not_includes'],
	agreement_scale: ['equals', 'includes', 'not_includes', 'at_least'],
	rating: ['equals', 'includes', 'not_includes', 'at_least'],
	number: ['equals', 'includes', 'not_includes', 'at_least'],
	short_text: [],
	long_text: [],
	consent: []
};

export type VisibleSection = { section: Section; questions: Question[] };

/**
 * Sections and questions in order, keeping those shown. `answerOf` gives the answer to record for
 * each shown question; answers to hidden questions are never recorded, so they count as
 * unanswered for later conditions. Conditions only look backwards, so one pass is enough.
 */
export function walkVisible(
	definition: QuestionnaireDefinition,
	answerOf: (question: Question) => AnswerValue | undefined
): VisibleSection[] {
	const recorded: Answers = {};
	const visible: VisibleSection[] = [];
	for (const section of definition.sections) {
		if (!isShown(section.condition, recorded)) continue;
		const questions: Question[] = [];
		for (const question of section.questions) {
			if (!isShown(question.condition, recorded)) continue;
			questions.push(question);
			const answer = answerOf(question);
			if (answer !== undefined) recorded[question.id] = answer;
		}
		visible.push({ section, questions });
	}
	return visible;
}

/** The shown sections (possibly with no shown questions) and their shown questions. */
export function visibleQuestions(
	definition: QuestionnaireDefinition,
	answers: Readonly<Answers>
): VisibleSection[] {
	return walkVisible(definition, (question) => answers[question.id]);
}

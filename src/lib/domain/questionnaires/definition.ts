import { z } from 'zod';
import { bilingual } from './bilingual';
import { conditionOperatorsFor, conditionSchema, type Condition } from './conditions';
import { OTHER_CHOICE } from './options';
import { choicesOf, questionSchema, RATING_MAX, RATING_MIN, type Question } from './question-types';

export const sectionSchema = z.object({
	id: z.uuid('errors.invalid'),
	title: bilingual,
	condition: conditionSchema.optional(),
	questions: z.array(questionSchema)
});
export type Section = z.infer<typeof sectionSchema>;

/** Why a condition cannot test the question it names, as a locale key; undefined when it can. */
export function conditionProblem(condition: Condition, target: Question): string | undefined {
	if (!conditionOperatorsFor[target.type].includes(condition.operator))
		return 'questionnaire_errors.condition_unsupported';
	const { value } = condition;
	const isInt = (min: number, max: number) =>
		typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
	let possible: boolean;
	switch (target.type) {
		case 'agreement_scale':
			possible = isInt(1, 5);
			break;
		case 'rating':
			possible = isInt(RATING_MIN, RATING_MAX);
			break;
		case 'number':
			possible = typeof value === 'number';
			break;
		case 'yes_no':
			possible = value === 'yes' || value === 'no';
			break;
		default:
			possible =
				choicesOf(target).some((option) => option.value === value) ||
				('allowOther' in target && target.allowOther === true && value === OTHER_CHOICE);
	}
	return possible ? undefined : 'questionnaire_errors.condition_value';
}

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

function checkCondition(
	ctx: Ctx,
	condition: Condition | undefined,
	earlier: ReadonlyMap<string, Question>,
	path: Path
) {
	if (!condition) return;
	const target = earlier.get(condition.questionId);
	const problem = target
		? conditionProblem(condition, target)
		: 'questionnaire_errors.condition_not_earlier';
	if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [...path, 'condition'] });
}

export const questionnaireDefinition = z
	.object({
		title: bilingual,
		intro: bilingual.optional(),
		sections: z.array(sectionSchema).min(1, 'questionnaire_errors.no_sections')
	})
	.superRefine((definition, ctx) => {
		// Questions seen so far, in reading order: a condition may only look back at these, so a
		// resident always answers a question before anything depending on it appears.
		const earlier = new Map<string, Question>();
		const sectionIds = new Set<string>();
		const dimensions = new Set<string>();
		definition.sections.forEach((section, s) => {
			const sectionPath = ['sections', s];
			if (sectionIds.has(section.id))
				ctx.addIssue({
					code: 'custom',
					message: 'questionnaire_errors.section_id_repeated',
					path: [...sectionPath, 'id']
				});
			sectionIds.add(section.id);
			checkCondition(ctx, section.condition, earlier, sectionPath);
			section.questions.forEach((question, q) => {
				const path = [...sectionPath, 'questions', q];
				checkCondition(ctx, question.condition, earlier, path);
				if (earlier.has(question.id))
					ctx.addIssue({
						code: 'custom',
						message: 'questionnaire_errors.question_id_repeated',
						path: [...path, 'id']
					});
				else earlier.set(question.id, question);
				// Demographic answers are stored by dimension, so each dimension is asked once.
				if (question.type !== 'demographic') return;
				if (dimensions.has(question.dimension))
					ctx.addIssue({
						code: 'custom',
						message: 'questionnaire_errors.dimension_repeated',
						path: [...path, 'dimension']
					});
				dimensions.add(question.dimension);
			});
		});
	});
export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinition>;
export type QuestionnaireDefinitionInput = z.input<typeof questionnaireDefinition>;

/** Every question in reading order. */
export function allQuestions(definition: Pick<QuestionnaireDefinition, 'sections'>): Question[] {
	return definition.sections.flatMap((section) => section.questions);
}

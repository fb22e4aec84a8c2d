import { z } from 'zod';
import { bilingual } from './bilingual';
import { conditionSchema } from './conditions';
import {
	demographicDimension,
	demographicDimensionKeys,
	demographicOptions,
	PREFER_NOT_TO_SAY
} from './demographics';
import { optionList, type Option } from './options';

/** The closed list of question types; the database enum has exactly these values. */
export const questionTypes = [
	'single_choice',
	'multiple_choice',
	'agreement_scale',
	'rating',
	'ranking',
	'yes_no',
	'number',
	'short_text',
	'long_text',
	'consent',
	'demographic'
] as const;
export type QuestionType = (typeof questionTypes)[number];

export const RATING_MIN = 0;
export const RATING_MAX = 10;
export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 20_000;

/**
 * The five points of an agreement scale. Their labels are interface text (the same for every
 * questionnaire), so they are locale keys rather than organizer-written text.
 */
export const agreementScale = [
	{ value: 1, label: 'questionnaire.agreement_scale.strongly_disagree' },
	{ value: 2, label: 'questionnaire.agreement_scale.disagree' },
	{ value: 3, label: 'questionnaire.agreement_scale.neutral' },
	{ value: 4, label: 'questionnaire.agreement_scale.agree' },
	{ value: 5, label: 'questionnaire.agreement_scale.strongly_agree' }
] as const;

const common = {
	id: z.uuid('errors.invalid'),
	prompt: bilingual,
	help: bilingual.optional(),
	required: z.boolean().default(false),
	condition: conditionSchema.optional()
};

const singleChoice = z.object({
	...common,
	type: z.literal('single_choice'),
	options: optionList(2, 50),
	allowOther: z.boolean().optional()
});

const multipleChoice = z.object({
	...common,
	type: z.literal('multiple_choice'),
	options: optionList(2, 50),
	maxSelections: z.int('errors.invalid').min(1, 'errors.invalid').optional(),
	allowOther: z.boolean().optional()
});

const agreement = z.object({ ...common, type: z.literal('agreement_scale') });

const rating = z.object({
	...common,
	type: z.literal('rating'),
	// Fixed 0–10 so that ratings compare across questionnaires; kept in the data so stored
	// definitions say what their numbers meant.
	min: z.literal(RATING_MIN).default(RATING_MIN),
	max: z.literal(RATING_MAX).default(RATING_MAX),
	lowLabel: bilingual.optional(),
	highLabel: bilingual.optional()
});

const ranking = z
	.object({
		...common,
		type: z.literal('ranking'),
		options: optionList(2, 20),
		top: z.int('errors.invalid').min(1, 'questionnaire_errors.top_out_of_range')
	})
	.superRefine((question, ctx) => {
		if (question.top > question.options.length)
			ctx.addIssue({
				code: 'custom',
				message: 'questionnaire_errors.top_out_of_range',
				path: ['top']
			});
	});

const yesNo = z.object({ ...common, type: z.literal('yes_no') });

const number = z
	.object({
		...common,
		type: z.literal('number'),
		min: z.number('errors.invalid').optional(),
		max: z.number('errors.invalid').optional(),
		integer: z.boolean().optional()
	})
	.superRefine((question, ctx) => {
		if (question.min !== undefined && question.max !== undefined && question.min > question.max)
			ctx.addIssue({
				code: 'custom',
				message: 'questionnaire_errors.range_inverted',
				path: ['max']
			});
	});

const textLimit = (fallback: number, max: number) =>
	z.int('errors.invalid').min(1, 'errors.invalid').max(max, 'errors.too_long').default(fallback);

const shortText = z.object({
	...common,
	type: z.literal('short_text'),
	maxLength: textLimit(200, SHORT_TEXT_MAX)
});

const longText = z.object({
	...common,
	type: z.literal('long_text'),
	maxLength: textLimit(5000, LONG_TEXT_MAX)
});

const consent = z.object({ ...common, type: z.literal('consent'), statement: bilingual });

const demographic = z
	.object({
		...common,
		type: z.literal('demographic'),
		dimension: z.enum(demographicDimensionKeys, 'errors.invalid_choice'),
		/** Only for dimensions whose options the organizer lists (area of residence). */
		customOptions: optionList(2, 50).optional()
	})
	.superRefine((question, ctx) => {
		const { organizerOptions } = demographicDimension(question.dimension);
		if (!organizerOptions && question.customOptions) {
			ctx.addIssue({
				code: 'custom',
				message: 'questionnaire_errors.options_not_allowed',
				path: ['customOptions']
			});
		}
		if (organizerOptions && !question.customOptions) {
			ctx.addIssue({
				code: 'custom',
				message: 'questionnaire_errors.too_few_options',
				path: ['customOptions']
			});
		}
		question.customOptions?.forEach((option, index) => {
			if (option.value === PREFER_NOT_TO_SAY)
				ctx.addIssue({
					code: 'custom',
					message: 'questionnaire_errors.option_value_reserved',
					path: ['customOptions', index, 'value']
				});
		});
	});

export const questionSchema = z.discriminatedUnion(
	'type',
	[
		singleChoice,
		multipleChoice,
		agreement,
		rating,
		ranking,
		yesNo,
		number,
		shortText,
		longText,
		consent,
		demographic
	],
	'errors.invalid_choice'
);
export type Question = z.infer<typeof questionSchema>;
/** What an editor may submit: defaults (required, maxLength, rating bounds) may be left out. */
export type QuestionInput = z.input<typeof questionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** Options a resident chooses among, for the question types that have options. */
export function choicesOf(question: Question): Option[] {
	switch (question.type) {
		case 'single_choice':
		case 'multiple_choice':
		case 'ranking':
			return question.options;
		case 'demographic':
			return demographicOptions(question.dimension, question.customOptions);
		default:
			return [];
	}
}

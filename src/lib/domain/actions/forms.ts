import { z } from 'zod';
import { bilingual, missingLanguages, type Bilingual } from '../questionnaires/bilingual';
import { GOAL_KEY } from '../vision/vision';
import { ACTION_STATUSES } from './progress';
import { SECTORS } from './sectors';

/*
 * The forms of the action pages. Field names are paths into the data ('name.en'), so errors come
 * back under the same names (nestedFieldErrors) and each names its input's id.
 */

const uuid = z.uuid('errors.invalid');
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z
	.string()
	.regex(DAY, 'actions.errors.date')
	.refine((value) => !Number.isNaN(Date.parse(value)), 'actions.errors.date');
/** A number as typed: French decimal commas accepted, blank refused. */
const decimal = z
	.string()
	.trim()
	.min(1, 'actions.errors.number')
	.transform((value) => Number(value.replace(/\s/g, '').replace(',', '.')))
	.pipe(z.number('actions.errors.number').finite('actions.errors.number'));

/** The vision goal (its key, g1 …) an indicator or update serves; blank for none. */
const goalKey = z
	.union([z.literal(''), z.string().regex(GOAL_KEY, 'errors.invalid_choice')])
	.default('')
	.transform((value) => value || null);

export const memberForm = z.object({
	areaId: uuid,
	name: z.string().trim().min(1, 'actions.errors.name_required').max(120, 'errors.too_long'),
	organization: z.string().trim().max(160, 'errors.too_long').default(''),
	sector: z.enum(SECTORS, 'actions.errors.sector'),
	livedExperience: z
		.string()
		.optional()
		.transform((value) => value === 'on')
});
export type MemberInput = z.infer<typeof memberForm>;

export const actionForm = z.object({
	areaId: uuid,
	title: z.string().trim().min(1, 'actions.errors.title_required').max(200, 'errors.too_long'),
	owner: z.string().trim().max(120, 'errors.too_long').default(''),
	status: z.enum(ACTION_STATUSES, 'actions.errors.status'),
	dueOn: z
		.union([z.literal(''), day])
		.default('')
		.transform((value) => value || null)
});
export type ActionInput = z.infer<typeof actionForm>;

export const actionStatusForm = z.object({
	id: uuid,
	status: z.enum(ACTION_STATUSES, 'actions.errors.status')
});

/** An indicator's name is shown to residents, so both languages are required from the start. */
const requiredBilingual = bilingual.superRefine((text, ctx) => {
	for (const lang of missingLanguages(text))
		ctx.addIssue({
			code: 'custom',
			message: `questionnaire_errors.translation_missing_${lang}`,
			path: [lang]
		});
});

export const indicatorForm = z.object({
	areaId: uuid,
	goalKey,
	name: requiredBilingual,
	unit: z.string().trim().max(40, 'errors.too_long').default(''),
	term: z.enum(['short', 'medium', 'long'], 'actions.errors.term'),
	kind: z.enum(['output', 'outcome'], 'actions.errors.kind'),
	baseline: decimal,
	target: decimal,
	isPublic: z
		.string()
		.optional()
		.transform((value) => value === 'on')
});
export type IndicatorInput = z.infer<typeof indicatorForm>;

export const indicatorValueForm = z.object({
	measuredOn: day,
	value: decimal,
	note: z.string().trim().max(500, 'errors.too_long').default('')
});
export type IndicatorValueInput = z.infer<typeof indicatorValueForm>;

/** A draft update may be half-written; publishing asks for both languages (updateProblems). */
export const updateForm = z.object({
	areaId: uuid,
	goalKey,
	youSaid: bilingual,
	weDid: bilingual
});
export type UpdateInput = z.infer<typeof updateForm>;

/**
 * Why an update cannot be published: field path → locale key, one per missing translation
 * ('weDid.fr' → 'questionnaire_errors.translation_missing_fr'), so the form names each field.
 */
export function updateProblems(update: { youSaid: Bilingual; weDid: Bilingual }) {
	const problems: Record<string, string> = {};
	for (const field of ['youSaid', 'weDid'] as const)
		for (const lang of missingLanguages(update[field]))
			problems[`${field}.${lang}`] = `questionnaire_errors.translation_missing_${lang}`;
	return problems;
}

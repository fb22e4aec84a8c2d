import { z } from 'zod';
import { slugify } from '../communities/schemas';
import { bilingual, missingLanguages, questionTypes } from '../questionnaires';
import { endOfDay, isDay, startOfDay } from './dates';

/*
 * The builder's small forms. Field names are paths into the data ('title.en'), so that errors
 * come back under the same names (see nestedFieldErrors) and each names its input's id.
 */

/** Bilingual text posted as <prefix>.en and <prefix>.fr. */
export function bilingualFrom(values: Record<string, string>, prefix: string) {
	return { en: values[`${prefix}.en`] ?? '', fr: values[`${prefix}.fr`] ?? '' };
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A questionnaire's web name, at the end of the address residents use (/<lang>/s/<slug>). */
const slugSchema = z
	.string()
	.min(3, 'communities.errors.slug_short')
	.regex(SLUG, 'communities.errors.slug_format');

/** A title needs at least one language to be worked on; publishing asks for both. */
const workingTitle = bilingual.superRefine((title, ctx) => {
	if (missingLanguages(title).length === 2)
		ctx.addIssue({ code: 'custom', message: 'builder.errors.title_required', path: ['en'] });
});

export const createQuestionnaireForm = z
	.object({
		title: workingTitle,
		slug: z.string().trim().toLowerCase().max(60, 'errors.too_long').default('')
	})
	.transform((form) => ({
		...form,
		slug: form.slug || slugify(form.title.en || form.title.fr)
	}))
	.pipe(
		z.object({
			title: bilingual,
			slug: slugSchema
		})
	);
export type CreateQuestionnaireForm = z.infer<typeof createQuestionnaireForm>;

export function createQuestionnaireInput(values: Record<string, string>) {
	return { title: bilingualFrom(values, 'title'), slug: values.slug ?? '' };
}

const day = z
	.string()
	.trim()
	.default('')
	.refine((text) => text === '' || isDay(text), 'builder.errors.date_format');

export const questionnaireSettingsForm = z
	.object({
		title: workingTitle,
		intro: bilingual,
		opensOn: day,
		closesOn: day,
		offersContact: z.boolean()
	})
	.superRefine((form, ctx) => {
		if (form.opensOn && form.closesOn && form.closesOn < form.opensOn)
			ctx.addIssue({
				code: 'custom',
				message: 'builder.errors.closes_before_opens',
				path: ['closesOn']
			});
	})
	.transform(({ opensOn, closesOn, ...form }) => ({
		...form,
		opensAt: opensOn ? startOfDay(opensOn) : null,
		closesAt: closesOn ? endOfDay(closesOn) : null
	}));
export type QuestionnaireSettings = z.output<typeof questionnaireSettingsForm>;

export function questionnaireSettingsInput(values: Record<string, string>) {
	return {
		title: bilingualFrom(values, 'title'),
		intro: bilingualFrom(values, 'intro'),
		opensOn: values.opensOn ?? '',
		closesOn: values.closesOn ?? '',
		offersContact: values.offersContact === 'on'
	};
}

/** A new web name for a questionnaire (see changeQuestionnaireSlug for when it may change). */
export const questionnaireSlugForm = z.object({
	slug: z.string().trim().toLowerCase().max(60, 'errors.too_long').pipe(slugSchema)
});

const id = z.uuid('errors.invalid');

export const itemKinds = ['section', 'question'] as const;
export type ItemKind = (typeof itemKinds)[number];
export const directions = ['up', 'down'] as const;
export type Direction = (typeof directions)[number];

export const itemForm = z.object({ kind: z.enum(itemKinds, 'errors.invalid_choice'), id });
export const moveForm = itemForm.extend({
	direction: z.enum(directions, 'errors.invalid_choice')
});
export const questionForm = z.object({ questionId: id });
export const sectionForm = z.object({ sectionId: id });
export const addQuestionForm = z.object({
	sectionId: id,
	type: z.enum(questionTypes, 'errors.invalid_choice')
});
export const statusActions = ['publish', 'close', 'reopen'] as const;
export type StatusAction = (typeof statusActions)[number];

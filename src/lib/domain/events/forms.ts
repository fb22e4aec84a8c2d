import { z } from 'zod';
import { profileDimensions, type ProfileDimension } from '../voting/profile';
import { bilingual, missingLanguages } from '../questionnaires/bilingual';
import { isDay } from '../builder/dates';
import {
	demographicDimension,
	PREFER_NOT_TO_SAY,
	type DemographicDimension
} from '../questionnaires/demographics';

/*
 * The forms of the events area, organizer side and resident side. Messages are locale keys.
 */

export const eventKinds = ['town_hall', 'pop_up', 'school_visit', 'other'] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventDisplays = ['both', 'en', 'fr'] as const;
export type EventDisplay = (typeof eventDisplays)[number];

/** An event's title is shown to residents in both languages: both are required. */
const eventTitle = bilingual.superRefine((title, ctx) => {
	for (const lang of missingLanguages(title))
		ctx.addIssue({ code: 'custom', message: `events.errors.title_${lang}`, path: [lang] });
});

const optionalId = z
	.string()
	.trim()
	.default('')
	.pipe(z.union([z.literal(''), z.uuid('errors.invalid_choice')]))
	.transform((id) => id || null);

export const eventForm = z.object({
	title: eventTitle,
	kind: z.enum(eventKinds, 'errors.invalid_choice'),
	heldOn: z.string().trim().refine(isDay, 'events.errors.date'),
	place: z.string().trim().min(1, 'events.errors.place').max(200, 'errors.too_long'),
	questionnaireId: optionalId,
	display: z.enum(eventDisplays, 'errors.invalid_choice')
});
export type EventForm = z.infer<typeof eventForm>;

export function eventInput(values: Record<string, string>) {
	return {
		title: { en: values['title.en'] ?? '', fr: values['title.fr'] ?? '' },
		kind: values.kind ?? '',
		heldOn: values.heldOn ?? '',
		place: values.place ?? '',
		questionnaireId: values.questionnaireId ?? '',
		display: values.display ?? 'both'
	};
}

export const IDEA_MAX_LENGTH = 280;

export const ideaForm = z.object({
	ideaId: z.uuid('errors.invalid'),
	idea: z
		.string()
		.trim()
		.min(1, 'events.errors.idea_required')
		.max(IDEA_MAX_LENGTH, 'events.errors.idea_too_long')
});

export const moderationForm = z.object({
	ideaId: z.uuid('errors.invalid'),
	status: z.enum(['approved', 'hidden', 'pending'], 'errors.invalid_choice')
});

/**
 * The optional three-question profile asked at events: the voting area's, so that a ballot cast
 * at the event carries the same profile (see castEventBallot).
 */
export { profileDimensions, type ProfileDimension };

function optionValue(dimension: DemographicDimension) {
	const values = demographicDimension(dimension).options.map((option) => option.value);
	return z
		.string()
		.default('')
		.refine((value) => value === '' || values.includes(value), 'errors.invalid_choice');
}

/** Blank answers are left out: nobody has to describe themselves. */
export const profileForm = z
	.object(
		Object.fromEntries(profileDimensions.map((key) => [key, optionValue(key)])) as Record<
			ProfileDimension,
			ReturnType<typeof optionValue>
		>
	)
	.transform((answers) =>
		Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== ''))
	);

/**
 * Sign-in sheet counts entered after the event: fields named `<dimension>.<value>`, blank for
 * zero, for the profile dimensions, plus the total on the sheet.
 */
export const MAX_PEOPLE = 100000;
const people = z
	.string()
	.trim()
	.default('')
	.refine((text) => text === '' || /^\d{1,6}$/.test(text), 'events.errors.count')
	.transform((text) => (text === '' ? 0 : Number(text)))
	.refine((n) => n <= MAX_PEOPLE, 'events.errors.count');

export function signinCells() {
	return profileDimensions.flatMap((dimension) =>
		demographicDimension(dimension)
			.options.filter((option) => option.value !== PREFER_NOT_TO_SAY)
			.map((option) => ({ dimension, value: option.value, field: `${dimension}.${option.value}` }))
	);
}

export const signinForm = z
	.object({
		attendees: people,
		counts: z.record(z.string(), people)
	})
	.superRefine((form, ctx) => {
		// One group of a dimension cannot hold more people than signed in.
		for (const dimension of profileDimensions) {
			const sum = Object.entries(form.counts)
				.filter(([field]) => field.startsWith(`${dimension}.`))
				.reduce((total, [, n]) => total + n, 0);
			if (form.attendees > 0 && sum > form.attendees)
				ctx.addIssue({
					code: 'custom',
					message: 'events.errors.more_than_attendees',
					path: ['attendees']
				});
		}
	});

/** Errors by field name as the form names its inputs (`age_group.15_24`, not `counts.…`). */
export function signinErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[issue.path[0] === 'counts' ? 1 : 0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return errors;
}

export function signinInput(values: Record<string, string>) {
	return {
		attendees: values.attendees ?? '',
		counts: Object.fromEntries(signinCells().map(({ field }) => [field, values[field] ?? '']))
	};
}

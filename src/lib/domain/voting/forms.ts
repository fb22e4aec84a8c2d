import { z } from 'zod';
import { slugify } from '../communities/schemas';
import { bilingual, missingLanguages, type Bilingual } from '../questionnaires/bilingual';
import { MAX_OPTIONS, methodSettings, voteMethods, type VoteMethod } from './methods';

/*
 * The organizer's forms for rounds. Field names are paths into the data ('title.en'), so that
 * errors come back under the same names (nestedFieldErrors) and each names its input's id.
 */

export function bilingualField(values: Record<string, string>, prefix: string): Bilingual {
	return { en: values[`${prefix}.en`] ?? '', fr: values[`${prefix}.fr`] ?? '' };
}

/** Text worked on in one language first: at least one is needed, opening asks for both. */
const workingText = (message: string) =>
	bilingual.superRefine((text, ctx) => {
		if (missingLanguages(text).length === 2)
			ctx.addIssue({ code: 'custom', message, path: ['en'] });
	});

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const createRoundForm = z
	.object({
		title: workingText('voting.errors.title_required'),
		slug: z.string().trim().toLowerCase().max(60, 'errors.too_long').default(''),
		method: z.enum(voteMethods, { message: 'errors.invalid_choice' }),
		fromAreas: z.boolean().default(false)
	})
	.transform((form) => ({ ...form, slug: form.slug || slugify(form.title.en || form.title.fr) }))
	.pipe(
		z.object({
			title: bilingual,
			slug: z
				.string()
				.min(3, 'communities.errors.slug_short')
				.regex(SLUG, 'communities.errors.slug_format'),
			method: z.enum(voteMethods),
			fromAreas: z.boolean()
		})
	);
export type CreateRoundForm = z.infer<typeof createRoundForm>;

export function createRoundInput(values: Record<string, string>) {
	return {
		title: bilingualField(values, 'title'),
		slug: values.slug ?? '',
		method: values.method ?? '',
		fromAreas: values.fromAreas === 'on'
	};
}

/** Title, question and the method's settings; the method itself is fixed when a round is made. */
export function roundSettingsForm(method: VoteMethod) {
	return z.object({
		title: workingText('voting.errors.title_required'),
		question: bilingual,
		settings: methodSettings[method]
	});
}

export function roundSettingsInput(values: Record<string, string>) {
	return {
		title: bilingualField(values, 'title'),
		question: bilingualField(values, 'question'),
		settings: Object.fromEntries(
			Object.entries(values)
				.filter(([name]) => name.startsWith('settings.'))
				.map(([name, value]) => [name.slice(9), value])
		)
	};
}

export const optionForm = z.object({ label: workingText('voting.errors.label_required') });
export const optionInput = (values: Record<string, string>) => ({
	label: bilingualField(values, 'label')
});

/** Paper tallies: `paper.<optionId>` holds the marks counted for that option (blank is 0). */
export function paperTalliesForm(optionIds: readonly string[]) {
	const count = z
		.string()
		.trim()
		.transform((text) => (text === '' ? '0' : text))
		.pipe(
			z
				.string()
				.regex(/^\d{1,7}$/, 'voting.errors.whole_number')
				.transform(Number)
				.pipe(z.number().max(1_000_000, 'voting.errors.out_of_range'))
		);
	return z.object(Object.fromEntries(optionIds.map((id) => [id, count])));
}

export function paperTalliesInput(values: Record<string, string>, optionIds: readonly string[]) {
	return Object.fromEntries(optionIds.map((id) => [id, values[`paper.${id}`] ?? '']));
}

export interface OpenProblem {
	/** locale key */
	problem: string;
	/** the field (title, question, option n) and language concerned, when there is one */
	field?: string;
	number?: number;
	lang?: 'en' | 'fr';
}

/**
 * What stops a round from opening: residents read it in either language, so every text needs
 * both; a vote needs at least two options; a ranking cannot ask for more ranks than options.
 */
export function openProblems(round: {
	title: Bilingual;
	question: Bilingual;
	method: VoteMethod;
	settings: unknown;
	options: readonly { label: Bilingual }[];
}): OpenProblem[] {
	const problems: OpenProblem[] = [];
	for (const lang of missingLanguages(round.title))
		problems.push({ problem: 'voting.open_problems.missing', field: 'title', lang });
	for (const lang of missingLanguages(round.question))
		problems.push({ problem: 'voting.open_problems.missing', field: 'question', lang });
	round.options.forEach((option, index) => {
		for (const lang of missingLanguages(option.label))
			problems.push({ problem: 'voting.open_problems.missing_option', number: index + 1, lang });
	});
	if (round.options.length < 2) problems.push({ problem: 'voting.open_problems.too_few_options' });
	if (round.options.length > MAX_OPTIONS)
		problems.push({ problem: 'voting.open_problems.too_many_options' });
	if (!methodSettings[round.method].safeParse(round.settings).success)
		problems.push({ problem: 'voting.open_problems.settings' });
	return problems;
}

import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuid = z.string().regex(UUID);
/** An absent or blank filter means "all"; anything malformed is ignored rather than an error. */
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional()).catch(undefined);

export const CHANNELS = ['online', 'paper', 'kiosk', 'event', 'focus_group', 'interview'] as const;

/** The coding queue's filters, from the page's query string. */
export const queueFilters = z.object({
	questionnaireId: optional(uuid),
	sessionId: optional(uuid),
	language: optional(z.enum(['en', 'fr'])),
	channel: optional(z.enum(CHANNELS)),
	themeId: optional(uuid),
	status: z.enum(['uncoded', 'coded', 'all']).catch('uncoded'),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});
export type QueueFilters = z.infer<typeof queueFilters>;

export function queueFilterInput(search: URLSearchParams) {
	return {
		questionnaireId: search.get('questionnaire'),
		sessionId: search.get('session'),
		language: search.get('language'),
		channel: search.get('channel'),
		themeId: search.get('theme'),
		status: search.get('status') ?? undefined,
		page: search.get('page') ?? undefined
	};
}

/** The query string for filters (and a page), leaving out the defaults. */
export function queueSearch(filters: Partial<QueueFilters>): string {
	const search = new URLSearchParams();
	if (filters.questionnaireId) search.set('questionnaire', filters.questionnaireId);
	if (filters.sessionId) search.set('session', filters.sessionId);
	if (filters.language) search.set('language', filters.language);
	if (filters.channel) search.set('channel', filters.channel);
	if (filters.themeId) search.set('theme', filters.themeId);
	if (filters.status && filters.status !== 'uncoded') search.set('status', filters.status);
	if (filters.page && filters.page > 1) search.set('page', String(filters.page));
	const text = search.toString();
	return text ? `?${text}` : '';
}

/** One coding action as posted: items ticked (or the one item), themes, add or remove. */
export const codingForm = z.object({
	items: z.array(z.string().max(200)).min(1, 'coding.errors.no_items').max(500),
	themes: z.array(uuid).min(1, 'coding.errors.no_themes').max(100),
	op: z.enum(['add', 'remove']).catch('add'),
	source: z.enum(['manual', 'suggestion']).catch('manual')
});

export function codingFormInput(data: FormData) {
	const strings = (key: string) =>
		data.getAll(key).filter((v): v is string => typeof v === 'string' && v !== '');
	return {
		items: strings('item'),
		themes: strings('theme'),
		op: data.get('op') ?? undefined,
		source: data.get('source') ?? undefined
	};
}

export const rejectForm = z.object({ item: z.string().max(200), theme: uuid });

export const sampleForm = z.object({
	coder: z.string().regex(UUID, 'coding.errors.not_a_coder'),
	size: z.coerce
		.number({ message: 'coding.errors.sample_size' })
		.int('coding.errors.sample_size')
		.min(1, 'coding.errors.sample_size')
		.max(500, 'coding.errors.sample_size')
});

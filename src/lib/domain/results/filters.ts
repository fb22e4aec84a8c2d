import {
	choicesOf,
	type DemographicDimension,
	type Option,
	type Question
} from '../questionnaires';

/** How a response was collected; the database enum has exactly these values. */
export const responseChannels = [
	'online',
	'paper',
	'kiosk',
	'event',
	'focus_group',
	'interview'
] as const;
export type ResponseChannel = (typeof responseChannels)[number];

export const responseLanguages = ['en', 'fr'] as const;
export type ResponseLanguage = (typeof responseLanguages)[number];

/**
 * Which responses a results view or an export covers: those whose demographic answers match
 * every listed dimension, collected through the channel, in the language. Empty: everyone.
 */
export interface ResultsFilter {
	demographics: Partial<Record<DemographicDimension, string>>;
	channel?: ResponseChannel;
	language?: ResponseLanguage;
}

export const noFilter: ResultsFilter = { demographics: {} };

export interface FilterableDimension {
	dimension: DemographicDimension;
	question: Extract<Question, { type: 'demographic' }>;
	options: Option[];
}

/** The questionnaire's demographic questions, each a dimension results can be filtered by. */
export function filterableDimensions(questions: readonly Question[]): FilterableDimension[] {
	return questions.flatMap((question) =>
		question.type === 'demographic'
			? [{ dimension: question.dimension, question, options: choicesOf(question) }]
			: []
	);
}

/**
 * The filter a query string asks for (?age_group=25_34&channel=paper&language=fr). Parameters
 * that name no dimension of this questionnaire, or no option of it, are left out, so a stale or
 * edited link shows a wider view rather than an error.
 */
export function parseFilter(
	params: URLSearchParams,
	questions: readonly Question[]
): ResultsFilter {
	const filter: ResultsFilter = { demographics: {} };
	for (const { dimension, options } of filterableDimensions(questions)) {
		const value = params.get(dimension);
		if (value && options.some((option) => option.value === value))
			filter.demographics[dimension] = value;
	}
	const channel = params.get('channel');
	if (responseChannels.includes(channel as ResponseChannel))
		filter.channel = channel as ResponseChannel;
	const language = params.get('language');
	if (responseLanguages.includes(language as ResponseLanguage))
		filter.language = language as ResponseLanguage;
	return filter;
}

/** The query parameters of a filter, in the form parseFilter reads. */
export function filterParams(filter: ResultsFilter): [string, string][] {
	return [
		...Object.entries(filter.demographics).filter((entry): entry is [string, string] => !!entry[1]),
		...(filter.channel ? [['channel', filter.channel] as [string, string]] : []),
		...(filter.language ? [['language', filter.language] as [string, string]] : [])
	];
}

export function isFiltered(filter: ResultsFilter): boolean {
	return filterParams(filter).length > 0;
}

/** "?a=b&c=d" (or '') from a filter and any further parameters. */
export function queryString(filter: ResultsFilter, extra: [string, string][] = []): string {
	const params = new URLSearchParams([...filterParams(filter), ...extra]);
	const text = params.toString();
	return text ? `?${text}` : '';
}

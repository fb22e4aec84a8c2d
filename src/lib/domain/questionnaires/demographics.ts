import en from '../../i18n/locales/en.json';
import fr from '../../i18n/locales/fr.json';
import type { Bilingual } from './bilingual';
import type { Option } from './options';
import type { Question } from './question-types';

/** Offered by every dimension, always last: nobody has to describe themselves to take part. */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

export const demographicDimensionKeys = [
	'age_group',
	'gender',
	'first_official_language',
	'indigenous_identity',
	'immigrant_status',
	'racialized_group',
	'disability',
	'household_income',
	'housing_tenure',
	'area_of_residence'
] as const;
export type DemographicDimension = (typeof demographicDimensionKeys)[number];

type Standard = {
	/** The census concept the answers are compared with; null when baselines are entered by hand. */
	censusDimension: string | null;
	/** Option values, before prefer_not_to_say. */
	values: readonly string[];
	/** The organizer lists the options (the standard set has none). */
	organizerOptions?: true;
};

/*
 * Values are grouped so that each maps onto published census categories (2021 Census of
 * Population). Notes on the mappings the analysis relies on:
 * - gender: the census publishes "men+" and "women+"; "another_gender" has no separate baseline.
 * - racialized_group: compared with the census "visible minority" total, which by definition
 *   excludes Indigenous people; Indigenous identity is its own dimension.
 * - household_income: bands aggregate the census "household total income groups". Low-income
 *   status (LIM-AT) cannot be derived without household size, which we do not ask.
 */
const standards: Record<DemographicDimension, Standard> = {
	age_group: {
		censusDimension: 'age',
		values: ['15_24', '25_34', '35_44', '45_54', '55_64', '65_74', '75_plus']
	},
	gender: { censusDimension: 'gender', values: ['woman', 'man', 'another_gender'] },
	first_official_language: {
		censusDimension: 'first_official_language_spoken',
		values: ['english', 'french', 'both', 'neither']
	},
	indigenous_identity: {
		censusDimension: 'indigenous_identity',
		values: ['first_nations', 'metis', 'inuit', 'multiple_indigenous', 'not_indigenous']
	},
	immigrant_status: {
		censusDimension: 'immigrant_status',
		values: [
			'non_immigrant',
			'immigrant_10_plus_years',
			'immigrant_under_10_years',
			'non_permanent_resident'
		]
	},
	racialized_group: {
		censusDimension: 'visible_minority',
		values: ['racialized', 'not_racialized']
	},
	disability: { censusDimension: null, values: ['yes', 'no'] },
	household_income: {
		censusDimension: 'household_total_income',
		values: ['under_20k', '20_40k', '40_60k', '60_100k', '100k_plus']
	},
	housing_tenure: { censusDimension: 'housing_tenure', values: ['owner', 'renter', 'other'] },
	area_of_residence: { censusDimension: null, values: [], organizerOptions: true }
};

export type DemographicDimensionSpec = {
	key: DemographicDimension;
	censusDimension: string | null;
	/** Short name for tables and charts. */
	label: Bilingual;
	/** The question as residents read it. */
	prompt: Bilingual;
	/** The standard options, ending with prefer_not_to_say (only that one when organizerOptions). */
	options: Option[];
	organizerOptions: boolean;
};

type LocaleTree = { [key: string]: string | LocaleTree };

/*
 * The wording lives in the locale files, under "demographics": it is interface text shared by
 * every community and translated with the rest of the interface, not content an organizer
 * writes. This module reads both files into Bilingual values so that pages, exports and stored
 * questions all handle demographic options exactly like organizer-written options.
 */
function localeText(path: string): Bilingual {
	const read = (tree: LocaleTree) => {
		const value = path
			.split('.')
			.reduce<string | LocaleTree | undefined>(
				(node, part) => (typeof node === 'object' ? node[part] : undefined),
				tree
			);
		if (typeof value !== 'string') throw new Error(`Missing locale text ${path}`);
		return value;
	};
	return { en: read(en as LocaleTree), fr: read(fr as LocaleTree) };
}

const preferNotToSay: Option = {
	value: PREFER_NOT_TO_SAY,
	label: localeText(`demographics.${PREFER_NOT_TO_SAY}`)
};

export const demographicDimensions: readonly DemographicDimensionSpec[] =
	demographicDimensionKeys.map((key) => {
		const { censusDimension, values, organizerOptions } = standards[key];
		return {
			key,
			censusDimension,
			label: localeText(`demographics.${key}.label`),
			prompt: localeText(`demographics.${key}.prompt`),
			options: [
				...values.map((value) => ({
					value,
					label: localeText(`demographics.${key}.options.${value}`)
				})),
				preferNotToSay
			],
			organizerOptions: organizerOptions ?? false
		};
	});

const byKey = new Map(demographicDimensions.map((spec) => [spec.key, spec]));

export function demographicDimension(key: DemographicDimension): DemographicDimensionSpec {
	return byKey.get(key)!;
}

export function isDemographicDimension(value: unknown): value is DemographicDimension {
	return byKey.has(value as DemographicDimension);
}

/**
 * The options a resident sees for a dimension: the standard ones, or the organizer's own for
 * dimensions such as area of residence, always ending with prefer_not_to_say.
 */
export function demographicOptions(
	dimension: DemographicDimension,
	customOptions: readonly Option[] = []
): Option[] {
	const spec = demographicDimension(dimension);
	return spec.organizerOptions ? [...customOptions, preferNotToSay] : spec.options;
}

/** A ready-made question for a dimension; organizers may reword its prompt and help. */
export function demographicQuestion(
	dimension: DemographicDimension,
	{ id = crypto.randomUUID(), customOptions }: { id?: string; customOptions?: Option[] } = {}
): Extract<Question, { type: 'demographic' }> {
	const spec = demographicDimension(dimension);
	return {
		id,
		type: 'demographic',
		prompt: { ...spec.prompt },
		required: false,
		dimension,
		...(spec.organizerOptions ? { customOptions: customOptions ?? [] } : {})
	};
}

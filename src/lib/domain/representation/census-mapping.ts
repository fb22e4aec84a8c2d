/*
 * From Census Profile characteristics to our demographic dimensions and their option values
 * (src/lib/domain/questionnaires/demographics.ts). Where the census and our questions do not
 * line up, the choice made is written next to it here and shown to the organizer on the
 * preview (locale keys baselines.notes.<dimension>), who can correct any dimension by hand.
 */
import type { DemographicDimension } from '../questionnaires/demographics';
import type { CensusExtract, CensusValue } from './census-profile';

type Column = 'total' | 'men' | 'women';
/** A characteristic's value in one column, added (or, with sign -1, subtracted). */
type Term = { id: number; column?: Column; sign?: -1 };

export type DimensionMapping = {
	dimension: DemographicDimension;
	/** the census universe the groups belong to, for the preview's "of" figure */
	universe: Term[];
	groups: Record<string, Term[]>;
};

const ids = (...list: number[]): Term[] => list.map((id) => ({ id }));

/** Persons aged 15 and over, all genders: total (ID 8) less 0 to 14 (ID 9). */
const aged15Plus = (column: Column): Term[] => [
	{ id: 8, column },
	{ id: 9, column, sign: -1 }
];

export const censusMappings: readonly DimensionMapping[] = [
	{
		// Our questionnaires ask people 15 and over, so children (0 to 14) are left out of the
		// baseline; the five-year census bands are summed into our ten-year groups.
		dimension: 'age_group',
		universe: ids(13, 24),
		groups: {
			'15_24': ids(14, 15),
			'25_34': ids(16, 17),
			'35_44': ids(18, 19),
			'45_54': ids(20, 21),
			'55_64': ids(22, 23),
			'65_74': ids(25, 26),
			'75_plus': ids(27, 28, 29)
		}
	},
	{
		// The 2021 profile has no gender rows: men+ and women+ are its count columns (C2, C3).
		// "Men+" and "women+" include non-binary people, distributed between the two, so
		// another_gender has no census baseline. Ages 15+ again, as above.
		dimension: 'gender',
		universe: aged15Plus('total'),
		groups: { woman: aged15Plus('women'), man: aged15Plus('men') }
	},
	{
		dimension: 'first_official_language',
		universe: ids(388),
		groups: {
			english: ids(389),
			french: ids(390),
			both: ids(391),
			neither: ids(392)
		}
	},
	{
		// "Indigenous responses not included elsewhere" (1409: e.g. Registered Indian status
		// without an Indigenous identity answer) matches none of our options and is left out,
		// so the groups add up to slightly less than the census total.
		dimension: 'indigenous_identity',
		universe: ids(1402),
		groups: {
			first_nations: ids(1405),
			metis: ids(1406),
			inuit: ids(1407),
			multiple_indigenous: ids(1408),
			not_indigenous: ids(1410)
		}
	},
	{
		// Period of immigration is counted at census day (May 2021): "under 10 years" is the
		// census band 2011 to 2021, everyone who arrived earlier is "10 years or more".
		dimension: 'immigrant_status',
		universe: ids(1527),
		groups: {
			non_immigrant: ids(1528),
			immigrant_10_plus_years: ids(1530, 1531, 1532, 1533),
			immigrant_under_10_years: ids(1534),
			non_permanent_resident: ids(1537)
		}
	},
	{
		// The census "visible minority" concept stands for racialized people. By definition it
		// excludes Indigenous people, who are therefore counted in not_racialized here.
		dimension: 'racialized_group',
		universe: ids(1683),
		groups: { racialized: ids(1684), not_racialized: ids(1697) }
	},
	{
		// Counts households, not people: residents answer for the household they live in.
		// "Dwelling provided by the local government, First Nation or Indian band" is "other".
		dimension: 'housing_tenure',
		universe: ids(1414),
		groups: { owner: ids(1415), renter: ids(1416), other: ids(1417) }
	}
	// Not mapped: household_income (our bands need the household total income groups, whose
	// IDs we have not verified in a real file; enter them by hand), low income (LIM-AT cannot
	// be matched to an answer without household size, which we do not ask), disability and
	// area of residence (not in the Census Profile).
];

/** The dimensions a Census Profile can fill. */
export const censusDimensions: readonly DemographicDimension[] = censusMappings.map(
	(mapping) => mapping.dimension
);

const COLUMN_INDEX: Record<Column, number> = { total: 0, men: 1, women: 2 };

/**
 * A sum of terms over the chosen geographies; null when any part is unknown (a suppressed
 * cell makes the sum unknown, it never counts as zero) or the result is negative (random
 * rounding of small areas can make a difference go below zero).
 */
function sumTerms(
	extract: CensusExtract,
	geographyCodes: readonly string[],
	terms: readonly Term[]
): number | null {
	let sum = 0;
	for (const code of geographyCodes) {
		const rows: Record<string, CensusValue> = extract.values[code] ?? {};
		for (const { id, column = 'total', sign = 1 } of terms) {
			const value = rows[String(id)]?.[COLUMN_INDEX[column]];
			if (value === null || value === undefined) return null;
			sum += sign * value;
		}
	}
	return sum >= 0 ? sum : null;
}

export type CensusDimensionPreview = {
	dimension: DemographicDimension;
	/** option value → population; an option absent from it is unknown */
	counts: Record<string, number>;
	/** option values the file leaves unknown (suppressed or missing) */
	unknown: string[];
	/** the census universe of these groups (e.g. population in private households) */
	universe: number | null;
};

/**
 * The counts each mapped dimension gets from the chosen geographies, summed. A dimension with
 * no known group at all is left out: the file does not have it.
 */
export function censusBaselines(
	extract: CensusExtract,
	geographyCodes: readonly string[]
): CensusDimensionPreview[] {
	const previews: CensusDimensionPreview[] = [];
	for (const mapping of censusMappings) {
		const counts: Record<string, number> = {};
		const unknown: string[] = [];
		for (const [value, terms] of Object.entries(mapping.groups)) {
			const count = sumTerms(extract, geographyCodes, terms);
			if (count === null) unknown.push(value);
			else counts[value] = count;
		}
		if (Object.keys(counts).length === 0) continue;
		previews.push({
			dimension: mapping.dimension,
			counts,
			unknown,
			universe: sumTerms(extract, geographyCodes, mapping.universe)
		});
	}
	return previews;
}

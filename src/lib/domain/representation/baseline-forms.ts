/*
 * What the baselines pages post, checked before anything is computed or stored. The census
 * extract travels through the page between reading the file and confirming (the server keeps
 * no state between requests), so it is validated again on every step.
 */
import { z } from 'zod';
import { demographicDimensionKeys, PREFER_NOT_TO_SAY } from '../questionnaires/demographics';
import { censusDimensions } from './census-mapping';

/** Enough for a city's dissemination areas; more than this are chosen by code (see import page). */
export const MAX_CHOSEN_GEOGRAPHIES = 100;
/** No Canadian geography holds more people than Canada. */
const MAX_POPULATION = 100_000_000;

const count = z.number().finite().min(-MAX_POPULATION).max(MAX_POPULATION).nullable();

export const censusExtractSchema = z.object({
	year: z.number().int().min(1800).max(2200).nullable(),
	language: z.enum(['en', 'fr']),
	geographies: z
		.array(
			z.object({
				code: z.string().min(1).max(40),
				dguid: z.string().max(60),
				name: z.string().max(200),
				level: z.string().max(100),
				tnrSf: z.number().nullable(),
				tnrLf: z.number().nullable(),
				qualityFlag: z.string().max(10),
				population: count
			})
		)
		.min(1)
		.max(MAX_CHOSEN_GEOGRAPHIES),
	values: z.record(
		z.string().max(40),
		z.record(z.string().regex(/^\d{1,5}$/), z.tuple([count, count, count]))
	)
});

/** The JSON of a posted extract, or null when it is missing or not an extract. */
export function parseCensusExtract(json: unknown) {
	if (typeof json !== 'string' || json.length > 2_000_000) return null;
	try {
		const parsed = censusExtractSchema.safeParse(JSON.parse(json));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

export const censusChoiceSchema = z.object({
	geography: z
		.array(z.string().min(1).max(40))
		.min(1, 'baselines.errors.no_geography')
		.max(MAX_CHOSEN_GEOGRAPHIES, 'baselines.errors.too_many_geographies'),
	sourceLabel: z.string().trim().max(300, 'baselines.errors.label_too_long'),
	dimensions: z.array(z.enum(censusDimensions as [string, ...string[]])).default([])
});

/** Codes typed by hand ("35061234, 35061235"), for files with too many geographies to list. */
export function parseGeographyCodes(text: string): string[] {
	return [...new Set(text.split(/[\s,;]+/).filter(Boolean))].slice(0, MAX_CHOSEN_GEOGRAPHIES + 1);
}

/** A manual baseline: a count (or blank: unknown) for each of the dimension's option values. */
export function manualBaselineSchema(optionValues: readonly string[]) {
	const values = optionValues.filter((value) => value !== PREFER_NOT_TO_SAY);
	const countField = z
		.string()
		.trim()
		.regex(/^\d{0,9}$/, 'baselines.errors.count_format')
		.transform((text) => (text === '' ? null : Number(text)));
	return z
		.object({
			dimension: z.enum(demographicDimensionKeys),
			counts: z.object(Object.fromEntries(values.map((value) => [value, countField]))),
			year: z
				.string()
				.trim()
				.regex(/^((19|20)\d\d)?$/, 'baselines.errors.year_format')
				.transform((text) => (text === '' ? null : Number(text))),
			sourceLabel: z.string().trim().max(300, 'baselines.errors.label_too_long'),
			geography: z.string().trim().max(200, 'baselines.errors.label_too_long')
		})
		.transform(({ counts, ...rest }) => ({
			...rest,
			counts: Object.fromEntries(
				Object.entries(counts).filter((entry): entry is [string, number] => entry[1] !== null)
			)
		}))
		.refine((baseline) => Object.keys(baseline.counts).length > 0, {
			message: 'baselines.errors.no_counts',
			path: ['counts']
		});
}

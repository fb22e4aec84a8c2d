import { z } from 'zod';
import { filterableDimensions } from '../results/filters';
import {
	demographicDimensionKeys,
	type DemographicDimension,
	type Question
} from '../questionnaires';

/**
 * The dimensions a questionnaire's results can be weighted on: those it asks about and the
 * community has a population baseline for.
 */
export function weightableDimensions(
	questions: readonly Question[],
	baselineDimensions: readonly string[]
): DemographicDimension[] {
	const asked = new Set(filterableDimensions(questions).map((d) => d.dimension));
	return demographicDimensionKeys.filter(
		(key) => asked.has(key) && baselineDimensions.includes(key)
	);
}

const weightParam = z.array(z.enum(demographicDimensionKeys).catch(undefined as never));

/** Raking on more margins than this spreads few respondents over too many cells to trust. */
export const MAX_WEIGHTING_DIMENSIONS = 3;

/**
 * The dimensions a query string asks to weight on (?weight=age_group&weight=housing_tenure),
 * kept to those available, in their standard order, at most MAX_WEIGHTING_DIMENSIONS; unknown
 * ones are ignored (a wider view).
 */
export function parseWeighting(
	params: URLSearchParams,
	available: readonly DemographicDimension[]
): DemographicDimension[] {
	const asked = new Set(weightParam.parse(params.getAll('weight')));
	return available.filter((dimension) => asked.has(dimension)).slice(0, MAX_WEIGHTING_DIMENSIONS);
}

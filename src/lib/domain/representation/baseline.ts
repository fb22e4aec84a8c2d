import type { DemographicDimension } from '../questionnaires/demographics';

export type BaselineSource = 'census_profile' | 'manual';

/** One geography whose counts were summed into a baseline (a census DGUID's ALT_GEO_CODE). */
export type BaselineGeography = { code: string; name: string };

/**
 * The population of a community on one demographic dimension, as stored in
 * public.population_baselines. `counts` is keyed by the dimension's option values (for
 * area_of_residence, the organizer's own); a value absent from it is unknown (suppressed or not
 * published by the census), never zero. It never holds prefer_not_to_say.
 */
export type PopulationBaseline = {
	dimension: DemographicDimension;
	counts: Record<string, number>;
	source: BaselineSource;
	sourceLabel: string | null;
	year: number | null;
	geography: BaselineGeography[];
	createdAt: Date;
};

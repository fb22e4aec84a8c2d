import { censusBaselines } from '$lib/domain/representation/census-mapping';
import type { CensusExtract } from '$lib/domain/representation/census-profile';
import type { DemographicDimension } from '$lib/domain/questionnaires/demographics';
import type { Tx } from '../db/types';
import { savePopulationBaselines } from './save-population-baselines';

export type CensusImport = {
	extract: CensusExtract;
	/** the geographies to sum, by code */
	geographyCodes: string[];
	/** the mapped dimensions to store; the others are left as they were */
	dimensions: DemographicDimension[];
	sourceLabel: string;
};

/**
 * Imports a Census Profile's counts as the community's baselines (source 'census_profile').
 * Outcomes: { stored: the dimensions stored }; { stored: [], missing: codes } when a chosen
 * geography is not in the extract (nothing stored). The counts are computed here from the
 * extract, never taken from the page. All dimensions go in the caller's one transaction.
 */
export async function importCensusProfile(
	tx: Tx,
	communityId: string,
	createdBy: string | null,
	input: CensusImport
): Promise<{ stored: DemographicDimension[]; missing: string[] }> {
	const byCode = new Map(input.extract.geographies.map((geo) => [geo.code, geo]));
	const missing = input.geographyCodes.filter((code) => !byCode.has(code));
	if (missing.length > 0) return { stored: [], missing };
	const geography = input.geographyCodes.map((code) => ({ code, name: byCode.get(code)!.name }));
	const chosen = censusBaselines(input.extract, input.geographyCodes).filter((preview) =>
		input.dimensions.includes(preview.dimension)
	);
	await savePopulationBaselines(
		tx,
		communityId,
		createdBy,
		chosen.map((preview) => ({
			dimension: preview.dimension,
			counts: preview.counts,
			source: 'census_profile',
			sourceLabel: input.sourceLabel,
			year: input.extract.year,
			geography
		}))
	);
	return { stored: chosen.map((preview) => preview.dimension), missing: [] };
}

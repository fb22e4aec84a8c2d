import type { PopulationBaseline } from '$lib/domain/representation/baseline';
import {
	demographicDimensionKeys,
	isDemographicDimension
} from '$lib/domain/questionnaires/demographics';
import type { Queryable } from '../db/types';

/**
 * A community's population baselines, one per dimension, in the order of the dimensions'
 * keys. Owners, organizers and analysts see them; anyone else gets an empty list (RLS).
 * Rows for a dimension the code no longer knows are left out rather than mistyped.
 */
export async function listPopulationBaselines(
	tx: Queryable,
	communityId: string
): Promise<PopulationBaseline[]> {
	const rows = await tx.query<PopulationBaseline & { dimension: string }>(
		`select dimension, counts, source, source_label as "sourceLabel", year, geography,
			created_at as "createdAt"
		from public.population_baselines
		where community_id = $1`,
		[communityId]
	);
	const order = (baseline: PopulationBaseline) =>
		demographicDimensionKeys.indexOf(baseline.dimension);
	return rows
		.filter((row): row is PopulationBaseline => isDemographicDimension(row.dimension))
		.sort((a, b) => order(a) - order(b));
}

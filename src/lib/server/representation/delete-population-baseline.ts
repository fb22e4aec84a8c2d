import type { DemographicDimension } from '$lib/domain/questionnaires/demographics';
import type { Tx } from '../db/types';

/**
 * Removes a community's baseline for one dimension. Outcomes: true when one was removed; false
 * when there was none or the caller may not remove it (RLS hides it).
 */
export async function deletePopulationBaseline(
	tx: Tx,
	communityId: string,
	dimension: DemographicDimension
): Promise<boolean> {
	const rows = await tx.query(
		`delete from public.population_baselines where community_id = $1 and dimension = $2 returning 1`,
		[communityId, dimension]
	);
	return rows.length > 0;
}

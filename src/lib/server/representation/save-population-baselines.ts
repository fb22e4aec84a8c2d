import type { BaselineGeography, BaselineSource } from '$lib/domain/representation/baseline';
import type { DemographicDimension } from '$lib/domain/questionnaires/demographics';
import type { Tx } from '../db/types';

export type NewPopulationBaseline = {
	dimension: DemographicDimension;
	counts: Record<string, number>;
	source: BaselineSource;
	sourceLabel: string | null;
	year: number | null;
	geography: BaselineGeography[];
};

/**
 * Stores baselines for a community, each replacing the one it had for its dimension.
 * Outcomes: the number stored. Runs in the caller's transaction, so a refusal (RLS: only owners
 * and organizers may write; a check constraint) throws and nothing of the batch is kept.
 */
export async function savePopulationBaselines(
	tx: Tx,
	communityId: string,
	createdBy: string | null,
	baselines: readonly NewPopulationBaseline[]
): Promise<number> {
	for (const baseline of baselines) {
		await tx.query(
			`insert into public.population_baselines
				(community_id, dimension, counts, source, source_label, year, geography, created_by)
			values ($1, $2, $3::jsonb, $4, $5, $6, $7::jsonb, $8)
			on conflict (community_id, dimension) do update set
				counts = excluded.counts, source = excluded.source, source_label = excluded.source_label,
				year = excluded.year, geography = excluded.geography, created_by = excluded.created_by,
				created_at = now()`,
			[
				communityId,
				baseline.dimension,
				JSON.stringify(baseline.counts),
				baseline.source,
				baseline.sourceLabel || null,
				baseline.year,
				JSON.stringify(baseline.geography),
				createdBy
			]
		);
	}
	return baselines.length;
}

import type { IndicatorInput } from '$lib/domain/actions/forms';
import type { Tx } from '../db/types';
import { guarded, written, type Outcome } from './guarded';

/**
 * Creates an indicator for a priority area.
 * Outcomes: { ok: true, id } | 'actions.errors.not_allowed' (volunteers) | 'actions.errors.not_found'.
 */
export function createIndicator(
	tx: Tx,
	communityId: string,
	input: IndicatorInput
): Promise<Outcome> {
	return guarded(tx, async (sp) =>
		written(
			await sp.query<{ id: string }>(
				`insert into public.indicators (community_id, area_id, name, unit, term, kind, baseline, target, is_public, goal_key)
				values ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10) returning id`,
				[
					communityId,
					input.areaId,
					JSON.stringify(input.name),
					input.unit,
					input.term,
					input.kind,
					input.baseline,
					input.target,
					input.isPublic,
					input.goalKey
				]
			)
		)
	);
}

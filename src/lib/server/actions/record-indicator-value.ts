import type { IndicatorValueInput } from '$lib/domain/actions/forms';
import type { Tx } from '../db/types';
import { guarded, written, type Outcome } from './guarded';

/**
 * Records a measured value of an indicator.
 * Outcomes: { ok: true, id } | 'actions.errors.not_allowed' | 'actions.errors.not_found'.
 */
export function recordIndicatorValue(
	tx: Tx,
	communityId: string,
	indicatorId: string,
	input: IndicatorValueInput
): Promise<Outcome> {
	return guarded(tx, async (sp) =>
		written(
			await sp.query<{ id: string }>(
				`insert into public.indicator_values (community_id, indicator_id, measured_on, value, note)
				values ($1, $2, $3, $4, $5) returning id`,
				[communityId, indicatorId, input.measuredOn, input.value, input.note]
			)
		)
	);
}

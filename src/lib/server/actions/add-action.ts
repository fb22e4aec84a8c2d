import type { ActionInput } from '$lib/domain/actions/forms';
import type { Tx } from '../db/types';
import { guarded, written, type Outcome } from './guarded';

/**
 * Adds an action to a priority area's plan.
 * Outcomes: { ok: true, id } | 'actions.errors.not_allowed' | 'actions.errors.not_found'.
 */
export function addAction(tx: Tx, communityId: string, input: ActionInput): Promise<Outcome> {
	return guarded(tx, async (sp) =>
		written(
			await sp.query<{ id: string }>(
				`insert into public.actions (community_id, area_id, title, owner, status, due_on)
				values ($1, $2, $3, $4, $5, $6) returning id`,
				[communityId, input.areaId, input.title, input.owner, input.status, input.dueOn]
			)
		)
	);
}

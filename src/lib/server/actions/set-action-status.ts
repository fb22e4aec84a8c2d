import type { ActionStatus } from '$lib/domain/actions/progress';
import type { Tx } from '../db/types';
import { guarded, written, type Outcome } from './guarded';

/**
 * Moves an action to another status. Outcomes: { ok: true, id } | 'actions.errors.not_found'
 * (gone, of another community, or not the person's to change: RLS hides it from the update).
 */
export function setActionStatus(
	tx: Tx,
	communityId: string,
	id: string,
	status: ActionStatus
): Promise<Outcome> {
	return guarded(tx, async (sp) =>
		written(
			await sp.query<{ id: string }>(
				`update public.actions set status = $3, updated_at = now()
				where id = $1 and community_id = $2 returning id`,
				[id, communityId, status]
			)
		)
	);
}

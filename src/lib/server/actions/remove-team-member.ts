import type { Tx } from '../db/types';
import { guarded, written, type Outcome } from './guarded';

/** Removes a partner from an action team. Outcomes: { ok: true, id } | 'actions.errors.not_found'. */
export function removeTeamMember(tx: Tx, communityId: string, id: string): Promise<Outcome> {
	return guarded(tx, async (sp) =>
		written(
			await sp.query<{ id: string }>(
				'delete from public.action_team_members where id = $1 and community_id = $2 returning id',
				[id, communityId]
			)
		)
	);
}

import type { UpdateInput } from '$lib/domain/actions/forms';
import type { Tx } from '../db/types';
import { guarded, written, type Outcome } from './guarded';

/**
 * Writes a draft "you said, we did" update, or changes update `id` (a published one stays
 * published only while both languages stay filled in: the table's check refuses otherwise).
 * Outcomes: { ok: true, id } | 'actions.errors.not_allowed' | 'actions.errors.not_found' |
 * 'errors.invalid' (a translation removed from a published update).
 */
export function saveProgressUpdate(
	tx: Tx,
	communityId: string,
	input: UpdateInput & { id?: string }
): Promise<Outcome> {
	return guarded(tx, async (sp) =>
		written(
			input.id
				? await sp.query<{ id: string }>(
						`update public.progress_updates set area_id = $3, you_said = $4::jsonb, we_did = $5::jsonb, goal_key = $6, updated_at = now()
						where id = $1 and community_id = $2 returning id`,
						[
							input.id,
							communityId,
							input.areaId,
							JSON.stringify(input.youSaid),
							JSON.stringify(input.weDid),
							input.goalKey
						]
					)
				: await sp.query<{ id: string }>(
						`insert into public.progress_updates (community_id, area_id, you_said, we_did, goal_key, created_by)
						values ($1, $2, $3::jsonb, $4::jsonb, $5, (select auth.uid())) returning id`,
						[
							communityId,
							input.areaId,
							JSON.stringify(input.youSaid),
							JSON.stringify(input.weDid),
							input.goalKey
						]
					)
		)
	);
}

import type { MemberInput } from '$lib/domain/actions/forms';
import type { Tx } from '../db/types';
import { guarded, written, type Outcome } from './guarded';

/**
 * Adds a partner to the action team of a priority area.
 * Outcomes: { ok: true, id } | 'actions.errors.not_allowed' (not an owner or organizer) |
 * 'actions.errors.not_found' (an area of another community, or gone).
 */
export function addTeamMember(tx: Tx, communityId: string, input: MemberInput): Promise<Outcome> {
	return guarded(tx, async (sp) =>
		written(
			await sp.query<{ id: string }>(
				`insert into public.action_team_members (community_id, area_id, name, organization, sector, lived_experience)
				values ($1, $2, $3, $4, $5, $6) returning id`,
				[
					communityId,
					input.areaId,
					input.name,
					input.organization,
					input.sector,
					input.livedExperience
				]
			)
		)
	);
}

import type { Sector } from '$lib/domain/actions/sectors';
import type { Queryable } from '../db/types';

export interface TeamMember {
	id: string;
	areaId: string;
	name: string;
	organization: string;
	sector: Sector;
	livedExperience: boolean;
}

/** The action team members of a community, of one priority area when areaId is given. */
export function listActionTeam(
	tx: Queryable,
	communityId: string,
	areaId?: string
): Promise<TeamMember[]> {
	return tx.query<TeamMember>(
		`select id, area_id as "areaId", name, organization, sector::text as sector,
			lived_experience as "livedExperience"
		from public.action_team_members
		where community_id = $1 and ($2::uuid is null or area_id = $2)
		order by created_at, id`,
		[communityId, areaId ?? null]
	);
}

import type { CommunityRole } from '$lib/domain/communities/roles';
import type { Queryable } from '../db/types';

export interface CommunitySummary {
	id: string;
	slug: string;
	name: { en: string; fr: string };
	region: string;
	role: CommunityRole;
	members: number;
}

/** The communities the signed-in user belongs to, with their role in each. */
export function listMyCommunities(tx: Queryable): Promise<CommunitySummary[]> {
	return tx.query<CommunitySummary>(
		`select c.id, c.slug, c.name, c.region, m.role,
			(select count(*)::int from public.memberships t where t.community_id = c.id) as members
		from public.communities c
		join public.memberships m on m.community_id = c.id and m.user_id = (select auth.uid())
		order by c.created_at`
	);
}

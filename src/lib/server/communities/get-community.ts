import type { CommunityRole } from '$lib/domain/communities/roles';
import type { Queryable } from '../db/types';

export interface Community {
	id: string;
	slug: string;
	name: { en: string; fr: string };
	region: string;
	defaultLanguage: 'en' | 'fr';
	suppressionK: number;
	createdAt: Date;
	role: CommunityRole;
}

/**
 * A community the signed-in user belongs to, with their role; null when it does not exist or they
 * are not a member (RLS makes the two look the same, so a slug's existence does not leak).
 */
export async function getCommunity(tx: Queryable, slug: string): Promise<Community | null> {
	const [row] = await tx.query<Community>(
		`select c.id, c.slug, c.name, c.region, c.default_language as "defaultLanguage",
			c.suppression_k as "suppressionK", c.created_at as "createdAt", m.role
		from public.communities c
		join public.memberships m on m.community_id = c.id and m.user_id = (select auth.uid())
		where c.slug = $1`,
		[slug]
	);
	return row ?? null;
}

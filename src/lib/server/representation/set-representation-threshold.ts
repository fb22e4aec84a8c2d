/**
 * Sets the representation ratio below which a community's dashboard flags a group.
 *
 * Outcomes: 'updated'; 'not_owner' when the signed-in person is not an owner of the community
 * (RLS lets only owners update a community, so the update touches no row).
 */
import type { Queryable } from '../db/types';

export async function setRepresentationThreshold(
	tx: Queryable,
	communityId: string,
	threshold: number
): Promise<'updated' | 'not_owner'> {
	const rows = await tx.query(
		`update public.communities set representation_threshold = $2 where id = $1 returning id`,
		[communityId, threshold]
	);
	return rows.length ? 'updated' : 'not_owner';
}

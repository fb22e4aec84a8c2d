import type { Queryable } from '../db/types';

/** Removes a candidate priority area (its themes and codings stay). False when not found or not allowed. */
export async function deletePriorityArea(
	tx: Queryable,
	communityId: string,
	id: string
): Promise<boolean> {
	const rows = await tx.query(
		'delete from public.priority_areas where id = $1 and community_id = $2 returning id',
		[id, communityId]
	);
	return rows.length > 0;
}

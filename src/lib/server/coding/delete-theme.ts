import type { Queryable } from '../db/types';

/**
 * Removes a theme from the codebook, with its sub-themes and every coding under them (the
 * database cascades). Outcomes: true when deleted; false when not found or not allowed (RLS).
 */
export async function deleteTheme(
	tx: Queryable,
	communityId: string,
	id: string
): Promise<boolean> {
	const rows = await tx.query(
		'delete from public.themes where id = $1 and community_id = $2 returning id',
		[id, communityId]
	);
	return rows.length > 0;
}

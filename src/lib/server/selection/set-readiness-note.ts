import type { Queryable } from '../db/types';

/**
 * Records what interviews said about an area's readiness (leaders, existing groups, appetite
 * for the work). Outcome: false when the area is not the person's (RLS) or gone.
 */
export async function setReadinessNote(
	tx: Queryable,
	areaId: string,
	note: string
): Promise<boolean> {
	const rows = await tx.query(
		'update public.deprivation_areas set readiness_note = $2 where id = $1 returning id',
		[areaId, note]
	);
	return rows.length > 0;
}

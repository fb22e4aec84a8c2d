import type { Queryable } from '../db/types';

export interface PriorityArea {
	id: string;
	name: { en: string; fr: string };
	description: { en: string; fr: string };
	themeIds: string[];
}

/** A community's candidate priority areas, in order, with the themes each groups. */
export function listPriorityAreas(tx: Queryable, communityId: string): Promise<PriorityArea[]> {
	return tx.query<PriorityArea>(
		`select a.id, a.name, a.description,
			coalesce(array(select pt.theme_id::text from public.priority_area_themes pt where pt.area_id = a.id order by 1), '{}') as "themeIds"
		from public.priority_areas a
		where a.community_id = $1
		order by a.position, a.created_at, a.id`,
		[communityId]
	);
}

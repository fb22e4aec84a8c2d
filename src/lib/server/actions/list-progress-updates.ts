import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { Queryable } from '../db/types';

export interface ProgressUpdate {
	id: string;
	areaId: string;
	/** the vision goal it answers (g1 …), or null */
	goalKey: string | null;
	youSaid: Bilingual;
	weDid: Bilingual;
	/** ISO time, or null for a draft */
	publishedAt: string | null;
}

/**
 * Progress updates of a community (the area by id only: anon may read published updates but not
 * the team's priority area rows), newest first. `publishedOnly` for what residents see; as
 * anon only published ones are readable anyway (RLS).
 */
export function listProgressUpdates(
	tx: Queryable,
	communityId: string,
	options: { publishedOnly?: boolean; areaId?: string } = {}
): Promise<ProgressUpdate[]> {
	return tx.query<ProgressUpdate>(
		`select u.id, u.area_id as "areaId", u.goal_key as "goalKey", u.you_said as "youSaid",
			u.we_did as "weDid", u.published_at as "publishedAt"
		from public.progress_updates u
		where u.community_id = $1 and ($2::boolean is false or u.published_at is not null)
			and ($3::uuid is null or u.area_id = $3)
		order by u.published_at desc nulls first, u.created_at desc, u.id`,
		[communityId, options.publishedOnly ?? false, options.areaId ?? null]
	);
}

import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { Queryable } from '../db/types';

export interface GuideSummary {
	id: string;
	title: Bilingual;
	prompts: number;
}

/** A community's discussion guides, newest first, with how many prompts each has. */
export function listGuides(tx: Queryable, communityId: string): Promise<GuideSummary[]> {
	return tx.query<GuideSummary>(
		`select g.id, g.title,
			(select count(*)::int from public.guide_prompts p where p.guide_id = g.id) as prompts
		from public.discussion_guides g where g.community_id = $1
		order by g.created_at desc, g.id`,
		[communityId]
	);
}

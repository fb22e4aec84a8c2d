import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { Queryable } from '../db/types';

export interface GuidePrompt {
	id: string;
	prompt: Bilingual;
}

export interface Guide {
	id: string;
	communityId: string;
	title: Bilingual;
	/** in the guide's order */
	prompts: GuidePrompt[];
}

/** A guide with its prompts in order, or null when it is not there or not visible (RLS). */
export async function loadGuide(tx: Queryable, guideId: string): Promise<Guide | null> {
	const [guide] = await tx.query<Omit<Guide, 'prompts'>>(
		`select id, community_id as "communityId", title from public.discussion_guides where id = $1`,
		[guideId]
	);
	if (!guide) return null;
	const prompts = await tx.query<GuidePrompt>(
		`select id, prompt from public.guide_prompts where guide_id = $1 order by position, id`,
		[guideId]
	);
	return { ...guide, prompts };
}

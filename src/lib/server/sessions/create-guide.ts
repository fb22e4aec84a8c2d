import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { Tx } from '../db/types';
import { guarded, type Refusal } from './outcomes';

/**
 * Creates a discussion guide, with no prompts yet.
 * Outcomes: { ok: true, id } | notAllowed when the caller may not write guides (RLS).
 */
export async function createGuide(
	tx: Tx,
	input: { communityId: string; title: Bilingual }
): Promise<{ ok: true; id: string } | Refusal> {
	const result = await guarded(tx, (sp) =>
		sp.query<{ id: string }>(
			`insert into public.discussion_guides (community_id, title, created_by)
			values ($1, $2::jsonb, (select auth.uid())) returning id`,
			[input.communityId, JSON.stringify(input.title)]
		)
	);
	return result.ok ? { ok: true, id: result.value[0].id } : result;
}

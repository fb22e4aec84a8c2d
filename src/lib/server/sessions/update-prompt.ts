import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { Queryable } from '../db/types';
import { notAllowed, type Refusal } from './outcomes';

/**
 * Rewords a prompt. Notes tagged with it keep pointing at it.
 * Outcomes: { ok: true } | notAllowed when nothing could be changed (not in this guide, or RLS).
 */
export async function updatePrompt(
	tx: Queryable,
	input: { guideId: string; promptId: string; prompt: Bilingual }
): Promise<{ ok: true } | Refusal> {
	const rows = await tx.query(
		`update public.guide_prompts set prompt = $3::jsonb where id = $2 and guide_id = $1 returning id`,
		[input.guideId, input.promptId, JSON.stringify(input.prompt)]
	);
	return rows.length > 0 ? { ok: true } : notAllowed;
}

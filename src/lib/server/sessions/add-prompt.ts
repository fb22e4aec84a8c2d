import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { Tx } from '../db/types';
import { guarded, type Refusal } from './outcomes';

/**
 * Adds a prompt at the end of a guide.
 * Outcomes: { ok: true, id } | notAllowed when the caller may not change the guide (RLS).
 */
export async function addPrompt(
	tx: Tx,
	input: { guideId: string; prompt: Bilingual }
): Promise<{ ok: true; id: string } | Refusal> {
	const result = await guarded(tx, (sp) =>
		sp.query<{ id: string }>(
			`insert into public.guide_prompts (guide_id, position, prompt)
			select $1, coalesce(max(position) + 1, 0), $2::jsonb
			from public.guide_prompts where guide_id = $1
			returning id`,
			[input.guideId, JSON.stringify(input.prompt)]
		)
	);
	return result.ok ? { ok: true, id: result.value[0].id } : result;
}

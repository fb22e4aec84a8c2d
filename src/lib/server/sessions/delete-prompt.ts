import { pgError } from '../db/errors';
import type { Tx } from '../db/types';
import { guarded, notAllowed, type Refusal } from './outcomes';

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Removes a prompt from a guide and closes the gap in the order.
 * Outcomes: { ok: true } | { ok: false, error: 'guides.errors.prompt_has_notes' } when notes
 * answer it (they would lose what they answer; reword it instead) | notAllowed (RLS, or not there).
 */
export async function deletePrompt(
	tx: Tx,
	input: { guideId: string; promptId: string }
): Promise<{ ok: true } | Refusal> {
	try {
		const result = await guarded(tx, async (sp) => {
			const deleted = await sp.query(
				'delete from public.guide_prompts where id = $1 and guide_id = $2 returning id',
				[input.promptId, input.guideId]
			);
			await sp.query(
				`update public.guide_prompts p set position = v.position - 1
				from (select id, row_number() over (order by position, id) as position
					from public.guide_prompts where guide_id = $1) v
				where p.id = v.id`,
				[input.guideId]
			);
			return deleted.length;
		});
		if (!result.ok) return result;
		return result.value > 0 ? { ok: true } : notAllowed;
	} catch (error) {
		if (pgError(error).code === FOREIGN_KEY_VIOLATION)
			return { ok: false, error: 'guides.errors.prompt_has_notes' };
		throw error;
	}
}

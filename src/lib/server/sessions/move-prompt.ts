import { movedOrder } from '$lib/domain/sessions/guides';
import type { Queryable } from '../db/types';
import { notAllowed, notFound, type Refusal } from './outcomes';

/**
 * Moves a prompt one place up or down; positions stay dense (0, 1, 2 …).
 * Outcomes: { ok: true } | { ok: false, error: 'guides.errors.cannot_move' } when it is already
 * first or last | notFound | notAllowed (RLS).
 */
export async function movePrompt(
	tx: Queryable,
	input: { guideId: string; promptId: string; direction: 'up' | 'down' }
): Promise<{ ok: true } | Refusal> {
	const rows = await tx.query<{ id: string }>(
		'select id from public.guide_prompts where guide_id = $1 order by position, id',
		[input.guideId]
	);
	const ids = rows.map((row) => row.id);
	if (!ids.includes(input.promptId)) return notFound;
	const order = movedOrder(ids, input.promptId, input.direction);
	if (!order) return { ok: false, error: 'guides.errors.cannot_move' };
	const moved = await tx.query(
		`update public.guide_prompts p set position = v.position - 1
		from unnest($1::uuid[]) with ordinality as v(id, position)
		where p.id = v.id and p.guide_id = $2 returning p.id`,
		[order, input.guideId]
	);
	return moved.length > 0 ? { ok: true } : notAllowed;
}

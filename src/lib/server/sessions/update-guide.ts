import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { Queryable } from '../db/types';
import { notAllowed, type Refusal } from './outcomes';

/**
 * Renames a guide.
 * Outcomes: { ok: true } | notAllowed when nothing could be changed (not there, or RLS).
 */
export async function updateGuide(
	tx: Queryable,
	input: { guideId: string; title: Bilingual }
): Promise<{ ok: true } | Refusal> {
	const rows = await tx.query(
		`update public.discussion_guides set title = $2::jsonb, updated_at = now()
		where id = $1 returning id`,
		[input.guideId, JSON.stringify(input.title)]
	);
	return rows.length > 0 ? { ok: true } : notAllowed;
}

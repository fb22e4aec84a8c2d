import { itemResponseId, parseItemKey } from '$lib/domain/coding/item-key';
import { INSUFFICIENT_PRIVILEGE, pgError } from '../db/errors';
import type { Tx } from '../db/types';

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Remembers that a suggested theme does not fit an item, so it is not suggested for it again.
 * Rejecting twice changes nothing. Outcomes: { ok: true } | 'coding.errors.unknown_item' |
 * 'coding.errors.unknown_theme' | 'coding.errors.not_allowed' (RLS).
 */
export async function rejectSuggestion(
	tx: Tx,
	input: { communityId: string; itemKey: string; themeId: string }
): Promise<{ ok: true } | { ok: false; error: string }> {
	const ref = parseItemKey(input.itemKey);
	if (!ref) return { ok: false, error: 'coding.errors.unknown_item' };
	try {
		await tx.savepoint((sp) =>
			sp.query(
				`insert into public.suggestion_rejections (community_id, item_key, response_id, theme_id, rejected_by)
				values ($1, $2, $3, $4, (select auth.uid()))
				on conflict (item_key, theme_id) do nothing`,
				[input.communityId, input.itemKey, itemResponseId(ref), input.themeId]
			)
		);
		return { ok: true };
	} catch (error) {
		const { code } = pgError(error);
		if (code === INSUFFICIENT_PRIVILEGE) return { ok: false, error: 'coding.errors.not_allowed' };
		if (code === FOREIGN_KEY_VIOLATION) return { ok: false, error: 'coding.errors.unknown_theme' };
		throw error;
	}
}

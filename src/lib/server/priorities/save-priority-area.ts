import type { PriorityAreaInput } from '$lib/domain/priorities/forms';
import { INSUFFICIENT_PRIVILEGE, pgError } from '../db/errors';
import type { Tx } from '../db/types';

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Creates a candidate priority area, or changes area `id`: its bilingual name and description and
 * the themes it groups (replacing the previous set).
 * Outcomes: { ok: true, id } | 'priorities.errors.unknown_theme' (a theme of no codebook or of
 * another community) | 'priorities.errors.not_found' | 'priorities.errors.not_allowed' (RLS).
 * Nothing is stored on refusal.
 */
export async function savePriorityArea(
	tx: Tx,
	input: PriorityAreaInput & { communityId: string; id?: string }
): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
	try {
		return await tx.savepoint(async (sp) => {
			const rows = input.id
				? await sp.query<{ id: string }>(
						`update public.priority_areas set name = $2::jsonb, description = $3::jsonb, updated_at = now()
						where id = $4 and community_id = $1 returning id`,
						[
							input.communityId,
							JSON.stringify(input.name),
							JSON.stringify(input.description),
							input.id
						]
					)
				: await sp.query<{ id: string }>(
						`insert into public.priority_areas (community_id, name, description, position, created_by)
						values ($1, $2::jsonb, $3::jsonb,
							(select coalesce(max(position), 0) + 1 from public.priority_areas where community_id = $1),
							(select auth.uid()))
						returning id`,
						[input.communityId, JSON.stringify(input.name), JSON.stringify(input.description)]
					);
			if (rows.length === 0) return { ok: false, error: 'priorities.errors.not_found' };
			const id = rows[0].id;
			await sp.query('delete from public.priority_area_themes where area_id = $1', [id]);
			if (input.themeIds.length > 0)
				await sp.query(
					`insert into public.priority_area_themes (community_id, area_id, theme_id)
					select $1, $2, unnest($3::uuid[])`,
					[input.communityId, id, input.themeIds]
				);
			return { ok: true, id };
		});
	} catch (error) {
		const { code } = pgError(error);
		if (code === FOREIGN_KEY_VIOLATION)
			return { ok: false, error: 'priorities.errors.unknown_theme' };
		if (code === INSUFFICIENT_PRIVILEGE)
			return { ok: false, error: 'priorities.errors.not_allowed' };
		throw error;
	}
}

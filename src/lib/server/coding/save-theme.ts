import type { ThemeInput } from '$lib/domain/coding/codebook';
import { INSUFFICIENT_PRIVILEGE, pgError, UNIQUE_VIOLATION } from '../db/errors';
import type { Tx } from '../db/types';

export type ThemeRefusal =
	| { ok: false; field: 'code' | 'parent'; error: string }
	| { ok: false; field: 'form'; error: string };

/**
 * Adds a theme to the codebook, or changes the theme `id`. The parent is named by code and must
 * be a top-level theme of the same community.
 * Outcomes: { ok: true, id } | code taken ('codebook.errors.code_taken') | unknown parent
 * ('codebook.errors.unknown_parent') | a second level of sub-themes ('codebook.errors.too_deep')
 * | not allowed (RLS: volunteers, other communities) | not found. Nothing is stored on refusal.
 */
export async function saveTheme(
	tx: Tx,
	input: ThemeInput & { communityId: string; id?: string }
): Promise<{ ok: true; id: string } | ThemeRefusal> {
	try {
		return await tx.savepoint(async (sp) => {
			let parentId: string | null = null;
			if (input.parent) {
				const [parent] = await sp.query<{ id: string; parent_id: string | null }>(
					'select id, parent_id from public.themes where community_id = $1 and code = $2',
					[input.communityId, input.parent]
				);
				if (!parent) return { ok: false, field: 'parent', error: 'codebook.errors.unknown_parent' };
				if (parent.parent_id || parent.id === input.id)
					return { ok: false, field: 'parent', error: 'codebook.errors.too_deep' };
				parentId = parent.id;
			}
			const values = [
				input.communityId,
				input.code,
				parentId,
				JSON.stringify(input.name),
				JSON.stringify(input.description),
				JSON.stringify(input.examples),
				JSON.stringify(input.keywords)
			];
			const rows = input.id
				? await sp.query<{ id: string }>(
						`update public.themes set code = $2, parent_id = $3, name = $4::jsonb,
							description = $5::jsonb, examples = $6::jsonb, keywords = $7::jsonb, updated_at = now()
						where id = $8 and community_id = $1 returning id`,
						[...values, input.id]
					)
				: await sp.query<{ id: string }>(
						`insert into public.themes
							(community_id, code, parent_id, name, description, examples, keywords, position, created_by)
						values ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7::jsonb,
							(select coalesce(max(position), 0) + 1 from public.themes where community_id = $1),
							(select auth.uid()))
						returning id`,
						values
					);
			if (rows.length === 0)
				return { ok: false, field: 'form', error: 'codebook.errors.not_found' };
			return { ok: true, id: rows[0].id };
		});
	} catch (error) {
		const { code, hint } = pgError(error);
		if (code === UNIQUE_VIOLATION)
			return { ok: false, field: 'code', error: 'codebook.errors.code_taken' };
		if (hint === 'theme_too_deep')
			return { ok: false, field: 'parent', error: 'codebook.errors.too_deep' };
		if (code === INSUFFICIENT_PRIVILEGE)
			return { ok: false, field: 'form', error: 'codebook.errors.not_allowed' };
		throw error;
	}
}

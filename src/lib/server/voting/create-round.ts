import { defaultSettings, type CreateRoundForm } from '$lib/domain/voting';
import { INSUFFICIENT_PRIVILEGE, pgError, UNIQUE_VIOLATION } from '../db/errors';
import type { Tx } from '../db/types';
import { notAllowed, type Refusal } from './refusals';

/**
 * Creates a draft round with the method's default settings. With fromAreas, its options are the
 * community's candidate priority areas, in their order, each linked to its area and labelled
 * with the area's name at that moment.
 * Outcomes: { ok: true, id } | { ok: false, field: 'slug', error } when the web name is taken |
 * not allowed (RLS: owners and organizers only). A refusal leaves nothing behind.
 */
export async function createRound(
	tx: Tx,
	input: CreateRoundForm & { communityId: string }
): Promise<{ ok: true; id: string } | { ok: false; field: 'slug'; error: string } | Refusal> {
	try {
		const id = await tx.savepoint(async (sp) => {
			const [row] = await sp.query<{ id: string }>(
				`insert into public.vote_rounds (community_id, slug, title, method, settings, created_by)
				values ($1, $2, $3::jsonb, $4::public.vote_method, $5::jsonb, (select auth.uid()))
				returning id`,
				[
					input.communityId,
					input.slug,
					JSON.stringify(input.title),
					input.method,
					JSON.stringify(defaultSettings[input.method])
				]
			);
			if (input.fromAreas)
				await sp.query(
					`insert into public.vote_options (round_id, position, label, priority_area_id)
					select $1, row_number() over (order by a.position, a.created_at, a.id), a.name, a.id
					from public.priority_areas a where a.community_id = $2`,
					[row.id, input.communityId]
				);
			return row.id;
		});
		return { ok: true, id };
	} catch (error) {
		const { code } = pgError(error);
		if (code === UNIQUE_VIOLATION)
			return { ok: false, field: 'slug', error: 'voting.errors.slug_taken' };
		if (code === INSUFFICIENT_PRIVILEGE) return notAllowed;
		throw error;
	}
}

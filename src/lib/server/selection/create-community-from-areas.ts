import type { CommunityForm } from '$lib/domain/communities/schemas';
import type { Tx } from '../db/types';
import { createCommunity } from '../communities/create-community';

/**
 * Creates a community (its creator its owner) from areas chosen in the person's deprivation
 * workspace, and records those areas, with their quintiles and readiness notes, for the new
 * community's team. All or nothing.
 * Outcomes: { ok: true, slug } | { ok: false, field: 'slug', error } (taken) |
 * { ok: false, field: 'areas', error: 'areas.errors.none_chosen' } (none of the ids is theirs).
 */
export async function createCommunityFromAreas(
	tx: Tx,
	form: CommunityForm,
	areaIds: string[]
): Promise<{ ok: true; slug: string } | { ok: false; field: 'slug' | 'areas'; error: string }> {
	return tx.savepoint(async (sp) => {
		const [{ n }] = await sp.query<{ n: number }>(
			'select count(*)::int as n from public.deprivation_areas where id = any($1::uuid[])',
			[areaIds]
		);
		if (n === 0) return { ok: false, field: 'areas', error: 'areas.errors.none_chosen' };
		const created = await createCommunity(sp, form);
		if (!created.ok) return created;
		await sp.query(
			`insert into public.community_areas (community_id, dauid, province, quintiles, readiness_note)
			select distinct on (a.dauid) c.id, a.dauid, a.province, a.quintiles, a.readiness_note
			from public.deprivation_areas a, public.communities c
			where a.id = any($1::uuid[]) and c.slug = $2
			order by a.dauid`,
			[areaIds, created.slug]
		);
		return created;
	});
}

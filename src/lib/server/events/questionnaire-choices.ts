import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { Queryable } from '../db/types';

/** The community's questionnaires an event may link to (any status: it may open later). */
export async function questionnaireChoices(
	tx: Queryable,
	communityId: string
): Promise<{ id: string; title: Bilingual }[]> {
	return tx.query(
		`select id, title from public.questionnaires where community_id = $1 order by created_at desc`,
		[communityId]
	);
}

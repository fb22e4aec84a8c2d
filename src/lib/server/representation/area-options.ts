import type { Option } from '$lib/domain/questionnaires/options';
import type { Queryable } from '../db/types';

/**
 * The organizer's own areas of residence: the options of the community's most recently
 * created area-of-residence question. Baselines for that dimension are keyed by these values,
 * so residents' answers and the population line up. Empty when no questionnaire asks it yet.
 */
export async function areaOfResidenceOptions(
	tx: Queryable,
	communityId: string
): Promise<Option[]> {
	const [row] = await tx.query<{ options: Option[] | null }>(
		`select x.config -> 'customOptions' as options
		from public.questions x
		join public.questionnaires q on q.id = x.questionnaire_id
		where q.community_id = $1 and x.type = 'demographic'
			and x.config ->> 'dimension' = 'area_of_residence'
		order by q.created_at desc, x.position
		limit 1`,
		[communityId]
	);
	return row?.options ?? [];
}

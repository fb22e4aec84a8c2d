import type { ActionStatus } from '$lib/domain/actions/progress';
import type { Queryable } from '../db/types';

export interface ActionRow {
	id: string;
	areaId: string;
	title: string;
	owner: string;
	status: ActionStatus;
	/** 'YYYY-MM-DD', or null without a due date */
	dueOn: string | null;
}

/** A community's actions (of one area when given), soonest due first, undated last. */
export function listActions(
	tx: Queryable,
	communityId: string,
	areaId?: string
): Promise<ActionRow[]> {
	return tx.query<ActionRow>(
		`select id, area_id as "areaId", title, owner, status::text as status,
			to_char(due_on, 'YYYY-MM-DD') as "dueOn"
		from public.actions
		where community_id = $1 and ($2::uuid is null or area_id = $2)
		order by due_on nulls last, created_at, id`,
		[communityId, areaId ?? null]
	);
}

import type { Queryable } from '../db/types';

export interface CodingEvent {
	id: string;
	actionId: string;
	actorName: string | null;
	itemKey: string;
	themeId: string;
	op: 'add' | 'remove';
	at: Date;
	undone: boolean;
}

/** Who coded what and when: the latest primary-coding changes of the community, newest first. */
export function codingHistory(
	tx: Queryable,
	communityId: string,
	limit = 20
): Promise<CodingEvent[]> {
	return tx.query<CodingEvent>(
		`select e.id::text, e.action_id as "actionId", p.display_name as "actorName",
			e.item_key as "itemKey", e.theme_id as "themeId", e.op, e.created_at as at,
			e.undone_at is not null as undone
		from public.coding_events e
		left join public.profiles p on p.id = e.actor_id
		where e.community_id = $1 and e.pass = 'primary'
		order by e.id desc limit $2`,
		[communityId, limit]
	);
}

import type { Queryable } from '../db/types';
import { TEAM_EVENT_COLUMNS, TEAM_EVENT_FROM, type TeamEvent } from './event-rows';

/** A community's events, the latest first, as its members see them (RLS). */
export async function listEvents(
	tx: Queryable,
	communityId: string
): Promise<(TeamEvent & { pendingIdeas: number })[]> {
	return tx.query(
		`select ${TEAM_EVENT_COLUMNS},
			(select count(*)::int from public.event_ideas i
				where i.event_id = e.id and i.status = 'pending') as "pendingIdeas"
		from ${TEAM_EVENT_FROM}
		where e.community_id = $1
		order by e.held_on desc, e.created_at desc`,
		[communityId]
	);
}

/** One event of a community, or null (none, or not visible to the caller). */
export async function getEvent(
	tx: Queryable,
	communityId: string,
	id: string
): Promise<TeamEvent | null> {
	const [row] = await tx.query<TeamEvent>(
		`select ${TEAM_EVENT_COLUMNS} from ${TEAM_EVENT_FROM} where e.community_id = $1 and e.id = $2`,
		[communityId, id]
	);
	return row ?? null;
}

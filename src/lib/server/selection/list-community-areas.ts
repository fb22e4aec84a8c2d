import type { Queryable } from '../db/types';

export interface CommunityArea {
	dauid: string;
	province: string;
	quintiles: Record<string, number>;
	readinessNote: string;
}

/** The dissemination areas a community was created from (none for one created by hand). */
export function listCommunityAreas(tx: Queryable, communityId: string): Promise<CommunityArea[]> {
	return tx.query<CommunityArea>(
		`select dauid, province, quintiles, readiness_note as "readinessNote"
		from public.community_areas where community_id = $1 order by dauid`,
		[communityId]
	);
}

import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { RoundStatus, VoteMethod } from '$lib/domain/voting';
import type { Queryable } from '../db/types';

export interface RoundSummary {
	id: string;
	slug: string;
	title: Bilingual;
	method: VoteMethod;
	status: RoundStatus;
	options: number;
	/** ballots the caller can see (0 for volunteers, whom RLS shows none) */
	ballots: number;
}

/** A community's rounds, newest first. */
export function listRounds(tx: Queryable, communityId: string): Promise<RoundSummary[]> {
	return tx.query<RoundSummary>(
		`select r.id, r.slug, r.title, r.method, r.status,
			(select count(*)::int from public.vote_options o where o.round_id = r.id) as options,
			(select count(*)::int from public.ballots b where b.round_id = r.id) as ballots
		from public.vote_rounds r where r.community_id = $1 order by r.created_at desc, r.id`,
		[communityId]
	);
}

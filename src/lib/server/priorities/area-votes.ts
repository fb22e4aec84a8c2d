import { standingOf, type Standing } from '$lib/domain/priorities/area-votes';
import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { RoundStatus, VoteMethod } from '$lib/domain/voting';
import type { Queryable } from '../db/types';

export interface AreaVote {
	roundId: string;
	title: Bilingual;
	method: VoteMethod;
	status: RoundStatus;
	/** ballots cast in the round, all options together */
	ballots: number;
	/** null for a pairwise round: its scores are fitted on the round's results page, not summed */
	standing: Standing | null;
}

/**
 * The rounds in which a priority area was an option, newest first, with the area's points and
 * place. Points come from the running tallies cast_ballot keeps plus paper counts, the same sums
 * the round's results page starts from. RLS shows a volunteer no tallies: their points read 0.
 */
export async function listAreaVotes(
	tx: Queryable,
	communityId: string,
	areaId: string
): Promise<AreaVote[]> {
	const rows = await tx.query<{
		round_id: string;
		title: Bilingual;
		method: VoteMethod;
		status: RoundStatus;
		ballots: number;
		area_option: string;
		points: { optionId: string; points: number }[];
	}>(
		`select r.id as round_id, r.title, r.method, r.status, o.id as area_option,
			(select count(*)::int from public.ballots b where b.round_id = r.id) as ballots,
			(select coalesce(jsonb_agg(jsonb_build_object('optionId', every.id, 'points',
				coalesce((select t.points from public.vote_tallies t where t.round_id = r.id
					and t.option_id = every.id and t.breakdown = 'all'), 0)
				+ coalesce((select p.count from public.vote_paper_tallies p where p.round_id = r.id
					and p.option_id = every.id), 0))), '[]')
			from public.vote_options every where every.round_id = r.id) as points
		from public.vote_options o join public.vote_rounds r on r.id = o.round_id
		where o.priority_area_id = $1 and r.community_id = $2
		order by r.created_at desc, r.id`,
		[areaId, communityId]
	);
	return rows.map((row) => ({
		roundId: row.round_id,
		title: row.title,
		method: row.method,
		status: row.status,
		ballots: row.ballots,
		standing:
			row.method === 'pairwise'
				? null
				: standingOf(
						row.points.map((option) => ({ ...option, points: Number(option.points) })),
						row.area_option
					)
	}));
}

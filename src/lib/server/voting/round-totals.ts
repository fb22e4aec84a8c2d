import type { Queryable } from '../db/types';

export interface RoundTotal {
	/** 'all', 'channel' or a profile dimension */
	grouping: string;
	/** the channel or profile value; null for 'all' */
	grouping_value: string | null;
	option_id: string;
	/** ballots marking the option */
	ballots: number;
	/** dots, approvals, or Borda points (n − rank) */
	points: number;
}

/**
 * The point tallies of a dots, ranking or approval round computed in the database, overall, by
 * channel and by profile dimension in one pass (grouping sets). This is what the results would
 * cost at the scale of a whole city (the aggregate benchmark); the page adds bootstrap intervals
 * on top from the ballots themselves.
 */
export function roundTotals(tx: Queryable, roundId: string): Promise<RoundTotal[]> {
	return tx.query<RoundTotal>(
		`with n as (select count(*)::int as options from public.vote_options where round_id = $1),
		marked as (
			select m.ballot_id, b.channel::text as channel, m.option_id,
				case when r.method = 'ranking' then n.options - m.value else m.value end as points
			from public.vote_rounds r cross join n
			join public.ballot_marks m on m.round_id = r.id
			join public.ballots b on b.id = m.ballot_id
			where r.id = $1
		)
		select case when grouping(channel) = 0 then 'channel' else 'all' end as grouping,
			channel as grouping_value, option_id, count(*)::int as ballots, sum(points)::int as points
		from marked group by grouping sets ((option_id), (channel, option_id))
		union all
		select p.dimension, p.value, option_id, count(*)::int, sum(points)::int
		from marked join public.ballot_profiles p on p.ballot_id = marked.ballot_id and p.round_id = $1
		group by p.dimension, p.value, option_id
		order by 1, 2, 3`,
		[roundId]
	);
}

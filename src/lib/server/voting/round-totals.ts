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
 * The point tallies of a dots, ranking or approval round, overall, by channel and by profile
 * answer, as cast_ballot keeps them (public.vote_tallies): a few rows per option whatever the
 * number of ballots, for results pages and live event screens. The results page adds bootstrap
 * intervals on top from the ballots themselves.
 */
export function roundTotals(tx: Queryable, roundId: string): Promise<RoundTotal[]> {
	return tx.query<RoundTotal>(
		`select breakdown as grouping, nullif(breakdown_value, '') as grouping_value, option_id,
			ballots, points::int as points
		from public.vote_tallies where round_id = $1 and ballots <> 0
		order by 1, 2, 3`,
		[roundId]
	);
}

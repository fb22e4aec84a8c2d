import {
	profileDimensions,
	roundResults as computeResults,
	seedFrom,
	type CountedBallot,
	type PaperTallies,
	type RoundResults
} from '$lib/domain/voting';
import type { Tx } from '../db/types';
import { rulesOf, type VoteRound } from './load-round';
import { loadPaperTallies } from './save-paper-tallies';

/** Bootstrap resamples on the results page: enough for stable 95% percentile intervals. */
export const REPS = 200;

/**
 * Every ballot of a round in one query, grouped in SQL into patterns: ballots alike in channel,
 * marks, pairwise answers and profile come back as one row with their count, so a round of a
 * million ballots reaches the server as a few thousand rows. Patterns come in the order of their
 * first ballot cast; and the round's paper tallies. RLS shows a volunteer no ballots.
 *
 * Each ballot's marks, answers and profile are written as JSON text in a fixed order (one pass
 * over each table by round, joined by hash) and ballots are grouped on that text: about half
 * the time of building and grouping jsonb per ballot. Profile values are quoted by to_json, so
 * the text is exact whatever they hold; option ids are uuids and marks whole numbers.
 */
export async function loadCountedBallots(
	tx: Tx,
	roundId: string
): Promise<{ ballots: CountedBallot[]; paper: PaperTallies }> {
	const rows = await tx.query<{
		channel: string;
		marks: string | null;
		comparisons: string | null;
		profile: string | null;
		count: number;
	}>(
		`with marks as (
			select ballot_id,
				'{' || string_agg('"' || option_id || '":' || value, ',' order by option_id) || '}' as marks
			from public.ballot_marks where round_id = $1 group by ballot_id
		), comparisons as (
			select ballot_id, '[' || string_agg('{"winner":"' || winner_id || '","loser":"' || loser_id || '"}', ','
				order by winner_id, loser_id) || ']' as comparisons
			from public.ballot_comparisons where round_id = $1 group by ballot_id
		), profiles as (
			select ballot_id,
				'{' || string_agg(to_json(dimension)::text || ':' || to_json(value)::text, ',' order by dimension) || '}' as profile
			from public.ballot_profiles where round_id = $1 group by ballot_id
		)
		select b.channel, m.marks, c.comparisons, p.profile, count(*)::int as count
		from public.ballots b
		left join marks m on m.ballot_id = b.id
		left join comparisons c on c.ballot_id = b.id
		left join profiles p on p.ballot_id = b.id
		where b.round_id = $1
		group by b.channel, m.marks, c.comparisons, p.profile
		order by min(b.cast_at), min(b.id::text)`,
		[roundId]
	);
	const ballots = rows.map((row): CountedBallot => ({
		marks: row.marks ? JSON.parse(row.marks) : {},
		comparisons: row.comparisons ? JSON.parse(row.comparisons) : [],
		channel: row.channel,
		profile: row.profile ? JSON.parse(row.profile) : {},
		count: row.count
	}));
	return { ballots, paper: await loadPaperTallies(tx, roundId) };
}

/**
 * The round's results for the team from its counted ballots: scores with bootstrap intervals,
 * by channel and by each profile dimension, with suppression below the community's k. Seeded by
 * the round id, so the page shows the same intervals on every visit. Paper tallies are added
 * to the scores.
 */
export function scoreRound(
	round: VoteRound,
	ballots: readonly CountedBallot[],
	paper: PaperTallies,
	k: number
): RoundResults {
	return computeResults(rulesOf(round), ballots, paper, {
		k,
		seed: seedFrom(round.id),
		reps: REPS,
		dimensions: profileDimensions
	});
}

/**
 * A round's results for the team (see scoreRound), read and scored. A caller who may not read
 * ballots (RLS shows them none; volunteers) gets the results of no ballots.
 */
export async function loadRoundResults(
	tx: Tx,
	round: VoteRound,
	k: number
): Promise<{ results: RoundResults; paper: Record<string, number> }> {
	const { ballots, paper } = await loadCountedBallots(tx, round.id);
	return { results: scoreRound(round, ballots, paper, k), paper };
}

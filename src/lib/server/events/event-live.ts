import type { LiveSnapshot, LiveVote } from '$lib/domain/events/live';
import type { Queryable } from '../db/types';
import { loadRound } from '../voting/load-round';
import { roundTotals } from '../voting/round-totals';

export type { LiveSnapshot };

export const LIVE_IDEAS = 30;

/**
 * The live state of an event: its approved ideas and the standing of each vote round attached
 * to it, tallied by the voting area's own roundTotals. null when there is no such event.
 *
 * Ballots are readable only by the team, so this runs on the server's own connection (the
 * live stream and the event page pass it); what it returns is what every phone at the event
 * may see: approved ideas, and totals per option of rounds that have opened.
 */
export async function eventLive(db: Queryable, eventId: string): Promise<LiveSnapshot | null> {
	const [row] = await db.query<{ status: LiveSnapshot['status']; ideas: LiveSnapshot['ideas'] }>(
		`select e.status,
			coalesce((select jsonb_agg(jsonb_build_object('id', i.id, 'body', i.body, 'language', i.language)
				order by i.moderated_at desc, i.id)
				from public.event_approved_ideas($1, $2) i), '[]'::jsonb) as ideas
		from public.event_status_by_id($1) e`,
		[eventId, LIVE_IDEAS]
	);
	if (!row) return null;
	const rounds = await db.query<{ id: string; ballots: number }>(
		`select r.id, (select count(*)::int from public.ballots b where b.round_id = r.id) as ballots
		from public.vote_rounds r
		where r.event_id = $1 and r.status <> 'draft' and r.method <> 'pairwise'
		order by r.created_at`,
		[eventId]
	);
	const votes: LiveVote[] = [];
	for (const { id, ballots } of rounds) {
		const round = await loadRound(db, { id });
		if (!round) continue;
		const points = new Map(
			(await roundTotals(db, id))
				.filter((total) => total.grouping === 'all')
				.map((total) => [total.option_id, total.points])
		);
		votes.push({
			roundId: id,
			title: round.title,
			method: round.method,
			open: round.isOpen,
			ballots,
			options: round.options.map((option) => ({
				id: option.id,
				label: option.label,
				points: points.get(option.id) ?? 0
			}))
		});
	}
	return { ...row, votes };
}

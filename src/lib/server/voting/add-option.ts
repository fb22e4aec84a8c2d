import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import { MAX_OPTIONS } from '$lib/domain/voting';
import type { Tx } from '../db/types';
import { guarded, hasBallots, notFound, type Refusal } from './refusals';

/**
 * Adds an option at the end of a round.
 * Outcomes: { ok: true, id } | not found | not allowed (RLS) | has ballots (a new option after
 * people voted would be missing from every ballot) | 'voting.errors.too_many_options'.
 */
export async function addOption(
	tx: Tx,
	roundId: string,
	label: Bilingual
): Promise<{ ok: true; id: string } | Refusal> {
	const [round] = await tx.query<{ ballots: number; options: number }>(
		`select (select count(*)::int from public.ballots b where b.round_id = r.id) as ballots,
			(select count(*)::int from public.vote_options o where o.round_id = r.id) as options
		from public.vote_rounds r where id = $1`,
		[roundId]
	);
	if (!round) return notFound;
	if (round.ballots > 0) return hasBallots;
	if (round.options >= MAX_OPTIONS) return { ok: false, error: 'voting.errors.too_many_options' };
	const rows = await guarded(tx, (sp) =>
		sp.query<{ id: string }>(
			`insert into public.vote_options (round_id, position, label)
			values ($1, (select coalesce(max(position), 0) + 1 from public.vote_options where round_id = $1), $2::jsonb)
			returning id`,
			[roundId, JSON.stringify(label)]
		)
	);
	return 'ok' in rows ? rows : { ok: true, id: rows[0].id };
}

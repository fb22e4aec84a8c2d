import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { RoundSettings } from '$lib/domain/voting';
import type { Tx } from '../db/types';
import { guarded, hasBallots, notAllowed, notFound, type Refusal } from './refusals';

/**
 * Saves a round's title, question and method settings.
 * Outcomes: { ok: true } | not found | not allowed (RLS) | has ballots, when the settings would
 * change once people have voted (their ballots were checked against the old ones); the title
 * and question can still be corrected then.
 */
export async function updateRound(
	tx: Tx,
	roundId: string,
	input: { title: Bilingual; question: Bilingual; settings: RoundSettings }
): Promise<{ ok: true } | Refusal> {
	const [current] = await tx.query<{ settings: RoundSettings; ballots: number }>(
		`select settings, (select count(*)::int from public.ballots b where b.round_id = r.id) as ballots
		from public.vote_rounds r where id = $1`,
		[roundId]
	);
	if (!current) return notFound;
	if (current.ballots > 0 && JSON.stringify(current.settings) !== JSON.stringify(input.settings))
		return hasBallots;
	const rows = await guarded(tx, (sp) =>
		sp.query(
			`update public.vote_rounds set title = $2::jsonb, question = $3::jsonb, settings = $4::jsonb,
				updated_at = now() where id = $1 returning id`,
			[
				roundId,
				JSON.stringify(input.title),
				JSON.stringify(input.question),
				JSON.stringify(input.settings)
			]
		)
	);
	if ('ok' in rows) return rows;
	return rows.length > 0 ? { ok: true } : notAllowed;
}

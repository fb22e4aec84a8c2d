import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { Tx } from '../db/types';
import { guarded, notFound, type Refusal } from './refusals';

/**
 * Corrects an option's label (a typo, a missing translation) — allowed after people voted, since
 * the option stays the same option.
 * Outcomes: { ok: true } | not found (or not visible) | not allowed (RLS).
 */
export async function updateOption(
	tx: Tx,
	roundId: string,
	optionId: string,
	label: Bilingual
): Promise<{ ok: true } | Refusal> {
	const [visible] = await tx.query(
		'select 1 from public.vote_options where id::text = $1 and round_id = $2',
		[optionId, roundId]
	);
	if (!visible) return notFound;
	const rows = await guarded(tx, (sp) =>
		sp.query(
			`update public.vote_options set label = $3::jsonb where id::text = $1 and round_id = $2 returning id`,
			[optionId, roundId, JSON.stringify(label)]
		)
	);
	if ('ok' in rows) return rows;
	return rows.length > 0 ? { ok: true } : { ok: false, error: 'voting.errors.not_allowed' };
}

import { updateProblems } from '$lib/domain/actions/forms';
import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { Tx } from '../db/types';
import { guarded, written, type Outcome } from './guarded';

export type PublishOutcome =
	Outcome | { ok: false; error: string; problems: Record<string, string> };

/**
 * Publishes a draft update to residents.
 * Outcomes: { ok: true, id } | { ok: false, problems } naming each missing translation
 * ('weDid.fr') | 'actions.errors.not_found' (gone, or not the person's to publish).
 */
export async function publishProgressUpdate(
	tx: Tx,
	communityId: string,
	id: string
): Promise<PublishOutcome> {
	const [update] = await tx.query<{ youSaid: Bilingual; weDid: Bilingual }>(
		`select you_said as "youSaid", we_did as "weDid" from public.progress_updates
		where id = $1 and community_id = $2`,
		[id, communityId]
	);
	if (!update) return { ok: false, error: 'actions.errors.not_found' };
	const problems = updateProblems(update);
	if (Object.keys(problems).length > 0)
		return { ok: false, error: 'actions.errors.translations_missing', problems };
	return guarded(tx, async (sp) =>
		written(
			await sp.query<{ id: string }>(
				`update public.progress_updates set published_at = coalesce(published_at, now())
				where id = $1 and community_id = $2 returning id`,
				[id, communityId]
			)
		)
	);
}

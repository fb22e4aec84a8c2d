import type { CommunitySummary } from '$lib/domain/reports/summary';
import { INSUFFICIENT_PRIVILEGE, pgError } from '../db/errors';
import type { Tx } from '../db/types';
import { communitySummary } from './community-summary';

export type PublishSummaryOutcome =
	{ ok: true; summary: CommunitySummary } | { ok: false; error: string };

/**
 * Counts what the community heard now (communitySummary, suppressed) and stores it as the public
 * community page's figures, in the name of the signed-in person.
 * Outcomes: { ok: true, summary } | 'report.errors.not_allowed' (not an owner or organizer).
 */
export async function publishSummary(
	tx: Tx,
	community: { id: string; suppressionK: number }
): Promise<PublishSummaryOutcome> {
	const summary = await communitySummary(tx, community);
	if (!summary) return { ok: false, error: 'report.errors.not_allowed' };
	try {
		await tx.savepoint((sp) =>
			sp.query(
				`insert into public.public_summaries (community_id, summary, published_by)
				values ($1, $2::jsonb, (select auth.uid()))`,
				[community.id, JSON.stringify(summary)]
			)
		);
		return { ok: true, summary };
	} catch (error) {
		if (pgError(error).code === INSUFFICIENT_PRIVILEGE)
			return { ok: false, error: 'report.errors.not_allowed' };
		throw error;
	}
}

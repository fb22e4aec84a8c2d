/**
 * The representation dashboard of a community: its participants by every source, compared with
 * its population baselines, at its own threshold and suppression k.
 *
 * Outcomes: { allowed: false } when the signed-in person's role may not read participants'
 * answers (volunteers: RLS would show them nobody, which is not "nobody took part");
 * otherwise the dashboard, suppression applied.
 */
import {
	buildDashboard,
	type Dashboard,
	type DashboardFilter
} from '$lib/domain/representation/dashboard';
import type { PopulationBaseline } from '$lib/domain/representation/baseline';
import type { Queryable } from '../db/types';
import { listPopulationBaselines } from './list-population-baselines';
import { participantCounts } from './participant-counts';

export type DashboardOutcome =
	| { allowed: false }
	| { allowed: true; dashboard: Dashboard; baselines: PopulationBaseline[]; threshold: number };

/** The community's threshold, and whether the person may read who took part. */
export async function representationSettings(tx: Queryable, communityId: string) {
	const [row] = await tx.query<{ threshold: string; k: number; allowed: boolean }>(
		`select c.representation_threshold::text as threshold, c.suppression_k as k,
			public.has_community_role(c.id, '{owner,organizer,analyst}') as allowed
		from public.communities c where c.id = $1`,
		[communityId]
	);
	return row ? { threshold: Number(row.threshold), k: row.k, allowed: row.allowed } : null;
}

export async function representationDashboard(
	tx: Queryable,
	communityId: string,
	filter: DashboardFilter
): Promise<DashboardOutcome> {
	const settings = await representationSettings(tx, communityId);
	if (!settings?.allowed) return { allowed: false };
	// One after the other: a transaction is one connection.
	const counts = await participantCounts(tx, communityId, {
		questionnaireId: filter.questionnaire,
		channel: filter.channel
	});
	const baselines = await listPopulationBaselines(tx, communityId);
	return {
		allowed: true,
		threshold: settings.threshold,
		baselines,
		dashboard: buildDashboard(counts, baselines, settings)
	};
}

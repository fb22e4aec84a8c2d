import { buildSummary, type CommunitySummary } from '$lib/domain/reports/summary';
import type { Tx } from '../db/types';
import { listThemes } from '../coding/list-themes';
import { evidenceByArea } from '../priorities/area-evidence';
import { listPriorityAreas } from '../priorities/list-priority-areas';
import { listQuestionnaires } from '../questionnaires/list-questionnaires';
import { representationDashboard } from '../representation/representation-dashboard';
import { listPopulationBaselines } from '../representation/list-population-baselines';
import { listRounds } from '../voting/list-rounds';
import { loadRound } from '../voting/load-round';
import { loadRoundResults } from '../voting/round-results';

/**
 * What a community heard, counted by the team's own queries as the signed-in person may read
 * them (owners, organizers and analysts; anyone else gets null) and suppressed at the
 * community's k: the report prints it, and publishing stores it for the public page.
 * Only closed vote rounds are included: an open round's standings could sway its voters.
 */
export async function communitySummary(
	tx: Tx,
	community: { id: string; suppressionK: number }
): Promise<CommunitySummary | null> {
	const outcome = await representationDashboard(tx, community.id, {});
	if (!outcome.allowed) return null;
	const k = community.suppressionK;
	// One after the other: a transaction is one connection.
	const questionnaires = await listQuestionnaires(tx, community.id);
	const baselines = await listPopulationBaselines(tx, community.id);
	const areas = await listPriorityAreas(tx, community.id);
	const themes = await listThemes(tx, community.id);
	const evidence = await evidenceByArea(tx, community.id, areas, themes, k);
	const rounds = [];
	for (const summary of await listRounds(tx, community.id)) {
		if (summary.status !== 'closed' || summary.method === 'pairwise') continue;
		const round = await loadRound(tx, { id: summary.id });
		if (!round) continue;
		const { results } = await loadRoundResults(tx, round, k);
		rounds.push({ title: round.title, method: round.method, options: round.options, results });
	}
	return buildSummary({
		k,
		now: new Date(),
		dashboard: outcome.dashboard,
		questionnaires,
		baselines,
		areas: areas.map((area) => ({
			id: area.id,
			name: area.name,
			participants: evidence.get(area.id)?.participants ?? 0,
			mentions: evidence.get(area.id)?.mentions ?? 0
		})),
		rounds
	});
}

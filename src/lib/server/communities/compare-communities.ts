import { groupIsShown, suppressCells, type ShownCell } from '$lib/domain/suppression/suppress';
import type { CommunityRole } from '$lib/domain/communities/roles';
import type { Queryable } from '../db/types';
import { listThemes } from '../coding/list-themes';
import { evidenceByArea } from '../priorities/area-evidence';
import { listPriorityAreas } from '../priorities/list-priority-areas';
import { participantCounts } from '../representation/participant-counts';

export interface CommunityComparison {
	id: string;
	slug: string;
	name: { en: string; fr: string };
	role: CommunityRole;
	k: number;
	/** whether the person's role lets them see counts (volunteers do not) */
	counted: boolean;
	/** null when under the community's k */
	participants: number | null;
	/** participants per channel, suppressed with the community's k */
	channels: ShownCell[];
	/** priority areas, most participants first; participants null when under k */
	priorities: { id: string; name: { en: string; fr: string }; participants: number | null }[];
}

const COUNTED_ROLES: readonly CommunityRole[] = ['owner', 'organizer', 'analyst'];

/**
 * For a person who works in several communities: participation and priorities side by side,
 * aggregates only, each suppressed with its own community's k. Only communities the person
 * belongs to (RLS); those where their role sees no counts are listed without numbers.
 */
export async function compareCommunities(tx: Queryable): Promise<CommunityComparison[]> {
	const communities = await tx.query<{
		id: string;
		slug: string;
		name: { en: string; fr: string };
		role: CommunityRole;
		k: number;
	}>(
		`select c.id, c.slug, c.name, m.role, c.suppression_k as k
		from public.communities c
		join public.memberships m on m.community_id = c.id and m.user_id = (select auth.uid())
		order by c.created_at, c.id`
	);
	const result: CommunityComparison[] = [];
	for (const community of communities) {
		const counted = COUNTED_ROLES.includes(community.role);
		if (!counted) {
			result.push({ ...community, counted, participants: null, channels: [], priorities: [] });
			continue;
		}
		const counts = await participantCounts(tx, community.id);
		const byChannel = new Map<string, number>();
		for (const row of counts.totals)
			byChannel.set(row.channel, (byChannel.get(row.channel) ?? 0) + row.participants);
		const total = [...byChannel.values()].reduce((a, b) => a + b, 0);
		const [areas, themes] = await Promise.all([
			listPriorityAreas(tx, community.id),
			listThemes(tx, community.id)
		]);
		const evidence = await evidenceByArea(tx, community.id, areas, themes, community.k);
		result.push({
			...community,
			counted,
			participants: groupIsShown(total, community.k) ? total : null,
			channels: suppressCells(
				[...byChannel].map(([key, count]) => ({ key, count })),
				community.k
			),
			priorities: areas
				.map((area) => {
					const participants = evidence.get(area.id)?.participants ?? 0;
					const shown = groupIsShown(participants, community.k);
					return { id: area.id, name: area.name, participants: shown ? participants : null };
				})
				// hidden areas keep the team's order at the end: sorting them by their count
				// would tell their relative sizes
				.sort((a, b) => (b.participants ?? -1) - (a.participants ?? -1))
		});
	}
	return result;
}

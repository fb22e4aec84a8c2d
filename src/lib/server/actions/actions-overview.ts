import { checkTeam, type Sector } from '$lib/domain/actions/sectors';
import { isOverdue, todayIn } from '$lib/domain/actions/progress';
import type { Queryable } from '../db/types';
import { listPriorityAreas } from '../priorities/list-priority-areas';
import { listActionTeam } from './list-action-team';
import { listActions } from './list-actions';

export interface AreaActionSummary {
	id: string;
	name: { en: string; fr: string };
	members: number;
	missingSectors: Sector[];
	livedExperience: boolean;
	actions: number;
	done: number;
	overdue: number;
}

/** Per priority area: its team's size and missing sectors, its actions done and overdue. */
export async function actionsOverview(
	tx: Queryable,
	communityId: string,
	today = todayIn()
): Promise<AreaActionSummary[]> {
	const [areas, members, actions] = await Promise.all([
		listPriorityAreas(tx, communityId),
		listActionTeam(tx, communityId),
		listActions(tx, communityId)
	]);
	return areas.map((area) => {
		const team = members.filter((m) => m.areaId === area.id);
		const mine = actions.filter((a) => a.areaId === area.id);
		const check = checkTeam(team);
		return {
			id: area.id,
			name: area.name,
			members: team.length,
			missingSectors: check.missing,
			livedExperience: check.livedExperience,
			actions: mine.length,
			done: mine.filter((a) => a.status === 'done').length,
			overdue: mine.filter((a) => isOverdue(a, today)).length
		};
	});
}

import { progressTowardTarget, type Progress } from '$lib/domain/actions/progress';
import type { Queryable } from '../db/types';

export interface IndicatorValue {
	id: string;
	/** 'YYYY-MM-DD' */
	measuredOn: string;
	value: number;
	note: string;
}

export interface Indicator {
	id: string;
	areaId: string;
	/** the vision goal it serves (g1 …), or null */
	goalKey: string | null;
	name: { en: string; fr: string };
	unit: string;
	term: 'short' | 'medium' | 'long';
	kind: 'output' | 'outcome';
	baseline: number;
	target: number;
	isPublic: boolean;
	/** oldest first */
	values: IndicatorValue[];
	progress: Progress;
}

/**
 * A community's indicators with their values over time and progress toward target, of one area
 * when areaId is given, of one indicator when indicatorId is. As anon (the public community
 * page) only public indicators come back: RLS decides, not this query.
 */
export async function listIndicators(
	tx: Queryable,
	communityId: string,
	filter: { areaId?: string; indicatorId?: string } = {}
): Promise<Indicator[]> {
	const rows = await tx.query<Omit<Indicator, 'progress'>>(
		`select i.id, i.area_id as "areaId", i.goal_key as "goalKey", i.name, i.unit, i.term::text as term, i.kind::text as kind,
			i.baseline::float8 as baseline, i.target::float8 as target, i.is_public as "isPublic",
			coalesce((
				select json_agg(json_build_object(
					'id', v.id, 'measuredOn', to_char(v.measured_on, 'YYYY-MM-DD'),
					'value', v.value::float8, 'note', v.note
				) order by v.measured_on, v.created_at)
				from public.indicator_values v where v.indicator_id = i.id
			), '[]'::json) as values
		from public.indicators i
		where i.community_id = $1 and ($2::uuid is null or i.area_id = $2)
			and ($3::uuid is null or i.id = $3)
		order by case i.term when 'short' then 0 when 'medium' then 1 else 2 end, i.created_at, i.id`,
		[communityId, filter.areaId ?? null, filter.indicatorId ?? null]
	);
	return rows.map((row) => ({
		...row,
		progress: progressTowardTarget(row.baseline, row.target, row.values)
	}));
}

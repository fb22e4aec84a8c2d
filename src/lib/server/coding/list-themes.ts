import type { Queryable } from '../db/types';

export interface Theme {
	id: string;
	code: string;
	parentId: string | null;
	parentCode: string | null;
	name: { en: string; fr: string };
	description: { en: string; fr: string };
	examples: { en: string; fr: string };
	keywords: { en: string[]; fr: string[] };
	/** items of the primary coding filed under the theme itself */
	codedItems: number;
}

/**
 * A community's codebook, each top-level theme followed by its sub-themes, in codebook order,
 * with how many items carry each theme.
 */
export function listThemes(tx: Queryable, communityId: string): Promise<Theme[]> {
	return tx.query<Theme>(
		`select t.id, t.code, t.parent_id as "parentId", p.code as "parentCode", t.name,
			t.description, t.examples, t.keywords,
			(select count(*)::int from public.codings c where c.theme_id = t.id and c.pass = 'primary')
				as "codedItems"
		from public.themes t
		left join public.themes p on p.id = t.parent_id
		where t.community_id = $1
		order by coalesce(p.position, t.position), coalesce(p.code, t.code), t.parent_id nulls first,
			t.position, t.code`,
		[communityId]
	);
}

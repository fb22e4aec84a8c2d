import type { Queryable } from '../db/types';

export interface ItemCoding {
	themeId: string;
	coderId: string | null;
	coderName: string | null;
	codedAt: Date;
	source: 'manual' | 'suggestion';
}

/** The codings of one pass, by item key. */
export async function loadCodings(
	tx: Queryable,
	communityId: string,
	pass: 'primary' | 'second' = 'primary'
): Promise<Map<string, ItemCoding[]>> {
	const rows = await tx.query<ItemCoding & { itemKey: string }>(
		`select c.item_key as "itemKey", c.theme_id as "themeId", c.coder_id as "coderId",
			p.display_name as "coderName", c.coded_at as "codedAt", c.source
		from public.codings c
		left join public.profiles p on p.id = c.coder_id
		where c.community_id = $1 and c.pass = $2::public.coding_pass
		order by c.coded_at, c.id`,
		[communityId, pass]
	);
	const byItem = new Map<string, ItemCoding[]>();
	for (const { itemKey, ...coding } of rows) {
		let list = byItem.get(itemKey);
		if (!list) byItem.set(itemKey, (list = []));
		list.push(coding);
	}
	return byItem;
}

/** Themes rejected as suggestions, by item key. */
export async function loadRejections(
	tx: Queryable,
	communityId: string
): Promise<Map<string, Set<string>>> {
	const rows = await tx.query<{ itemKey: string; themeId: string }>(
		`select item_key as "itemKey", theme_id as "themeId" from public.suggestion_rejections
		where community_id = $1`,
		[communityId]
	);
	const byItem = new Map<string, Set<string>>();
	for (const { itemKey, themeId } of rows) {
		let set = byItem.get(itemKey);
		if (!set) byItem.set(itemKey, (set = new Set()));
		set.add(themeId);
	}
	return byItem;
}

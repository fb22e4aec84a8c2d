import { itemResponseId, parseItemKey } from '$lib/domain/coding/item-key';
import { INSUFFICIENT_PRIVILEGE, pgError } from '../db/errors';
import type { Tx } from '../db/types';

export interface CodingChange {
	communityId: string;
	itemKeys: readonly string[];
	/** themes to give every item */
	add?: readonly string[];
	/** themes to take off every item */
	remove?: readonly string[];
	pass?: 'primary' | 'second';
	/** 'suggestion' when the person accepted a suggested theme */
	source?: 'manual' | 'suggestion';
}

export type CodingOutcome =
	{ ok: true; actionId: string; changes: number } | { ok: false; error: string };

/**
 * One coding action by the signed-in person: adds and removes themes on one or many items (bulk
 * coding), recording each change in the coding history under one action id so it can be undone
 * as a whole. Adding a theme an item already has, or removing one it lacks, changes nothing.
 * Outcomes: { ok: true, actionId, changes } | 'coding.errors.no_items' | 'coding.errors.no_themes'
 * | 'coding.errors.unknown_item' (a key naming no item of this community) |
 * 'coding.errors.unknown_theme' | 'coding.errors.not_allowed' (RLS). All or nothing.
 */
export async function codeItems(tx: Tx, change: CodingChange): Promise<CodingOutcome> {
	const add = [...new Set(change.add ?? [])];
	const remove = [...new Set(change.remove ?? [])].filter((id) => !add.includes(id));
	const keys = [...new Set(change.itemKeys)];
	if (keys.length === 0) return { ok: false, error: 'coding.errors.no_items' };
	if (add.length + remove.length === 0) return { ok: false, error: 'coding.errors.no_themes' };
	const refs = keys.map((key) => ({ key, ref: parseItemKey(key) }));
	if (refs.some(({ ref }) => ref === null))
		return { ok: false, error: 'coding.errors.unknown_item' };
	const pass = change.pass ?? 'primary';

	const themes = await tx.query<{ id: string }>(
		'select id from public.themes where community_id = $1 and id = any($2::uuid[])',
		[change.communityId, [...add, ...remove]]
	);
	if (themes.length !== add.length + remove.length)
		return { ok: false, error: 'coding.errors.unknown_theme' };
	// the items must exist, as free text of this community (RLS hides other communities' answers)
	const answers = await tx.query<{ key: string }>(
		`select 'answer:' || a.response_id || ':' || a.question_id as key
		from public.answers a join public.responses r on r.id = a.response_id
		where r.community_id = $1 and ('answer:' || a.response_id || ':' || a.question_id) = any($2::text[])
		union all
		select 'note:' || n.id from public.session_notes n
		where n.community_id = $1 and ('note:' || n.id) = any($2::text[])
		union all
		select 'endorsement:' || e.id from public.vision_endorsements e
		where e.community_id = $1 and e.comment is not null and ('endorsement:' || e.id) = any($2::text[])`,
		[change.communityId, keys]
	);
	if (answers.length !== keys.length) return { ok: false, error: 'coding.errors.unknown_item' };

	try {
		return await tx.savepoint(async (sp) => {
			const [{ id: actionId }] = await sp.query<{ id: string }>('select gen_random_uuid() as id');
			let changes = 0;
			for (const { key, ref } of refs) {
				const responseId = itemResponseId(ref!);
				for (const themeId of add) {
					const added = await sp.query(
						`insert into public.codings (community_id, item_kind, item_key, response_id, theme_id, pass, coder_id, source)
						values ($1, $7, $2, $3, $4, $5::public.coding_pass, (select auth.uid()), $6)
						on conflict (item_key, theme_id, pass) do nothing returning id`,
						[
							change.communityId,
							key,
							responseId,
							themeId,
							pass,
							change.source ?? 'manual',
							ref!.kind
						]
					);
					if (added.length > 0) {
						await recordEvent(
							sp,
							change.communityId,
							actionId,
							key,
							responseId,
							themeId,
							pass,
							'add'
						);
						changes++;
					}
				}
				for (const themeId of remove) {
					const [removed] = await sp.query<Previous>(
						`delete from public.codings
						where item_key = $1 and theme_id = $2 and pass = $3::public.coding_pass
						returning coder_id as "coderId", coded_at as "codedAt", source`,
						[key, themeId, pass]
					);
					if (removed) {
						await recordEvent(
							sp,
							change.communityId,
							actionId,
							key,
							responseId,
							themeId,
							pass,
							'remove',
							removed
						);
						changes++;
					}
				}
			}
			return { ok: true, actionId, changes };
		});
	} catch (error) {
		if (pgError(error).code === INSUFFICIENT_PRIVILEGE)
			return { ok: false, error: 'coding.errors.not_allowed' };
		throw error;
	}
}

async function recordEvent(
	tx: Tx,
	communityId: string,
	actionId: string,
	itemKey: string,
	responseId: string | null,
	themeId: string,
	pass: string,
	op: 'add' | 'remove',
	previous?: Previous
) {
	await tx.query(
		`insert into public.coding_events (community_id, action_id, actor_id, item_key, response_id,
			theme_id, pass, op, previous_coder_id, previous_coded_at, previous_source)
		values ($1, $2, (select auth.uid()), $3, $4, $5, $6::public.coding_pass, $7, $8, $9, $10)`,
		[
			communityId,
			actionId,
			itemKey,
			responseId,
			themeId,
			pass,
			op,
			previous?.coderId ?? null,
			previous?.codedAt ?? null,
			previous?.source ?? null
		]
	);
}

/** What a removal took away, kept so that undo can put it back as it was. */
type Previous = { coderId: string | null; codedAt: Date; source: string };

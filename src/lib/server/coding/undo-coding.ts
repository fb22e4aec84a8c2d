import type { Tx } from '../db/types';

/**
 * Undoes the signed-in person's last coding action that is not undone yet (one click or one bulk
 * coding, all its changes): themes it added are taken off, themes it removed are put back as
 * they were (coder, date and source). Calling it again undoes the action before.
 * Outcomes: { ok: true, changes } | { ok: false, error: 'coding.errors.nothing_to_undo' }.
 */
export async function undoLastCoding(
	tx: Tx,
	communityId: string
): Promise<{ ok: true; changes: number } | { ok: false; error: string }> {
	const events = await tx.query<{
		id: string;
		itemKey: string;
		responseId: string | null;
		themeId: string;
		pass: string;
		op: 'add' | 'remove';
	}>(
		`select e.id, e.item_key as "itemKey", e.response_id as "responseId", e.theme_id as "themeId",
			e.pass, e.op
		from public.coding_events e
		where e.action_id = (
			select action_id from public.coding_events
			where community_id = $1 and actor_id = (select auth.uid()) and undone_at is null
			order by id desc limit 1
		) and e.undone_at is null
		order by e.id desc`,
		[communityId]
	);
	if (events.length === 0) return { ok: false, error: 'coding.errors.nothing_to_undo' };
	return tx.savepoint(async (sp) => {
		for (const event of events) {
			if (event.op === 'add')
				await sp.query(
					`delete from public.codings where item_key = $1 and theme_id = $2 and pass = $3::public.coding_pass`,
					[event.itemKey, event.themeId, event.pass]
				);
			else await sp.query('select public.restore_removed_coding($1)', [event.id]);
		}
		await sp.query(
			'update public.coding_events set undone_at = now() where id = any($1::bigint[])',
			[events.map((e) => e.id)]
		);
		return { ok: true, changes: events.length };
	});
}

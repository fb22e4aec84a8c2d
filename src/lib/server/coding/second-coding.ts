import { kappaPerTheme, type Agreement } from '$lib/domain/coding/kappa';
import type { Queryable, Tx } from '../db/types';
import { INSUFFICIENT_PRIVILEGE, pgError } from '../db/errors';
import { codeItems } from './code-items';
import { listSourceItems, type SourceItem } from './item-sources';
import { loadCodings } from './load-codings';

/** People who may code a second time: owners, organizers and analysts of the community. */
export function listCoders(
	tx: Queryable,
	communityId: string
): Promise<{ id: string; name: string }[]> {
	return tx.query(
		`select p.id, coalesce(nullif(p.display_name, ''), p.email) as name
		from public.memberships m join public.profiles p on p.id = m.user_id
		where m.community_id = $1 and m.role in ('owner', 'organizer', 'analyst')
		order by 2, 1`,
		[communityId]
	);
}

/**
 * Draws a random sample of items that have a primary coding, for `coderId` to code blind. Items
 * that person coded first, and items already in the sample, are left out.
 * Outcomes: { ok: true, drawn } (possibly fewer than asked, when fewer are eligible) |
 * 'coding.errors.not_a_coder' | 'coding.errors.not_allowed' (RLS).
 */
export async function drawSample(
	tx: Tx,
	input: { communityId: string; coderId: string; size: number }
): Promise<{ ok: true; drawn: number } | { ok: false; error: string }> {
	const coders = await listCoders(tx, input.communityId);
	if (!coders.some((c) => c.id === input.coderId))
		return { ok: false, error: 'coding.errors.not_a_coder' };
	try {
		const rows = await tx.savepoint((sp) =>
			sp.query(
				`insert into public.coding_samples (community_id, item_key, response_id, second_coder_id)
				select $1, c.item_key, min(c.response_id::text)::uuid, $2
				from public.codings c
				where c.community_id = $1 and c.pass = 'primary'
					and not exists (select 1 from public.coding_samples s where s.item_key = c.item_key)
				group by c.item_key
				having not bool_or(c.coder_id = $2)
				order by random()
				limit $3
				returning item_key`,
				[input.communityId, input.coderId, input.size]
			)
		);
		return { ok: true, drawn: rows.length };
	} catch (error) {
		if (pgError(error).code === INSUFFICIENT_PRIVILEGE)
			return { ok: false, error: 'coding.errors.not_allowed' };
		throw error;
	}
}

/** The signed-in person's sample items still to code, without anyone's coding of them. */
export async function mySampleItems(tx: Queryable, communityId: string): Promise<SourceItem[]> {
	const keys = await tx.query<{ itemKey: string }>(
		`select item_key as "itemKey" from public.coding_samples
		where community_id = $1 and second_coder_id = (select auth.uid()) and completed_at is null`,
		[communityId]
	);
	const wanted = new Set(keys.map((k) => k.itemKey));
	if (wanted.size === 0) return [];
	return (await listSourceItems(tx, communityId)).filter((item) => wanted.has(item.key));
}

/**
 * Records a blind second coding of one sample item: the themes the second coder gives it (none is
 * an answer too), and marks the item done. Only the person it was assigned to can.
 * Outcomes: { ok: true } | 'coding.errors.not_in_sample' | the refusals of codeItems.
 */
export async function submitSecondCoding(
	tx: Tx,
	input: { communityId: string; itemKey: string; themeIds: string[] }
): Promise<{ ok: true } | { ok: false; error: string }> {
	const [sample] = await tx.query(
		`select 1 from public.coding_samples
		where community_id = $1 and item_key = $2 and second_coder_id = (select auth.uid()) and completed_at is null`,
		[input.communityId, input.itemKey]
	);
	if (!sample) return { ok: false, error: 'coding.errors.not_in_sample' };
	return tx
		.savepoint(async (sp) => {
			if (input.themeIds.length > 0) {
				const result = await codeItems(sp, {
					communityId: input.communityId,
					itemKeys: [input.itemKey],
					add: input.themeIds,
					pass: 'second'
				});
				if (!result.ok) throw new SecondCodingRefused(result.error);
			}
			await sp.query(
				`update public.coding_samples set completed_at = now()
			where item_key = $1 and second_coder_id = (select auth.uid())`,
				[input.itemKey]
			);
			return { ok: true } as const;
		})
		.catch((error: unknown) => {
			if (error instanceof SecondCodingRefused) return { ok: false, error: error.message } as const;
			throw error;
		});
}

class SecondCodingRefused extends Error {}

export interface AgreementReport {
	/** sample items: drawn, and coded a second time */
	drawn: number;
	completed: number;
	perTheme: { themeId: string; agreement: Agreement }[];
}

/** Cohen's kappa per theme between the primary and the blind second coding of the finished sample. */
export async function agreementReport(
	tx: Queryable,
	communityId: string,
	themeIds: readonly string[]
): Promise<AgreementReport> {
	const samples = await tx.query<{ itemKey: string; completed: boolean }>(
		`select item_key as "itemKey", completed_at is not null as completed
		from public.coding_samples where community_id = $1`,
		[communityId]
	);
	const [primary, second] = await Promise.all([
		loadCodings(tx, communityId, 'primary'),
		loadCodings(tx, communityId, 'second')
	]);
	const done = samples.filter((s) => s.completed);
	const items = done.map((s) => ({
		first: new Set((primary.get(s.itemKey) ?? []).map((c) => c.themeId)),
		second: new Set((second.get(s.itemKey) ?? []).map((c) => c.themeId))
	}));
	const perTheme = [...kappaPerTheme(themeIds, items)].map(([themeId, agreement]) => ({
		themeId,
		agreement
	}));
	return { drawn: samples.length, completed: done.length, perTheme };
}

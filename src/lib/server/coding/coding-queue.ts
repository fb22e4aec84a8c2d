import { parseItemKey } from '$lib/domain/coding/item-key';
import { buildModel, suggestFor, type Suggestion } from '$lib/domain/coding/suggest';
import type { Queryable } from '../db/types';
import { listSourceItems, type SourceFilter, type SourceItem } from './item-sources';
import { loadCodings, loadRejections, type ItemCoding } from './load-codings';
import type { Theme } from './list-themes';

export const PAGE_SIZE = 25;

export interface QueueFilter extends SourceFilter {
	/** only items carrying this theme (or, for a top-level theme, one of its sub-themes) */
	themeId?: string;
	status: 'uncoded' | 'coded' | 'all';
	page: number;
}

export interface QueueItem extends SourceItem {
	codings: ItemCoding[];
	suggestions: Suggestion[];
}

export interface CodingQueue {
	items: QueueItem[];
	/** items passing every filter, over all pages */
	total: number;
	page: number;
	pages: number;
	/** items passing the source filters (questionnaire, language, channel), coded or not */
	coded: number;
	uncoded: number;
}

/**
 * The coding queue: items from every source that pass the filters, one page of them, each with
 * its themes (who gave them, when) and, for uncoded items, suggested themes. Suggestions use
 * every coded item of the community, so they improve as the team codes; rejected ones are left
 * out.
 */
export async function codingQueue(
	tx: Queryable,
	communityId: string,
	themes: readonly Theme[],
	filter: QueueFilter
): Promise<CodingQueue> {
	const [all, codings, rejections, blind] = await Promise.all([
		listSourceItems(tx, communityId),
		loadCodings(tx, communityId),
		loadRejections(tx, communityId),
		tx.query<{ itemKey: string }>(
			`select item_key as "itemKey" from public.coding_samples
			where community_id = $1 and second_coder_id = (select auth.uid()) and completed_at is null`,
			[communityId]
		)
	]);
	// items the person is to code blind are kept out of their view of everyone's coding
	const hidden = new Set(blind.map((b) => b.itemKey));
	const passes = (item: SourceItem) =>
		!hidden.has(item.key) &&
		(!filter.questionnaireId || item.questionnaireId === filter.questionnaireId) &&
		(!filter.sessionId || item.sessionId === filter.sessionId) &&
		(!filter.language || item.language === filter.language) &&
		(!filter.channel || item.channel === filter.channel);
	// newest first: while listening is still going on, what came in last is what needs coding
	const inSources = all.filter(passes).sort((a, b) => +new Date(b.at) - +new Date(a.at));
	const coded = inSources.filter((item) => codings.has(item.key)).length;

	const themeIds = filter.themeId
		? new Set([
				filter.themeId,
				...themes.filter((t) => t.parentId === filter.themeId).map((t) => t.id)
			])
		: null;
	const matching = inSources.filter((item) => {
		const mine = codings.get(item.key) ?? [];
		if (filter.status === 'uncoded' && mine.length > 0) return false;
		if (filter.status === 'coded' && mine.length === 0) return false;
		return !themeIds || mine.some((c) => themeIds.has(c.themeId));
	});
	const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
	const page = Math.min(Math.max(1, filter.page), pages);
	const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

	const model = buildModel(
		themes,
		all.flatMap((item) => {
			const mine = codings.get(item.key);
			return mine ? [{ ...item, themeIds: mine.map((c) => c.themeId) }] : [];
		}),
		all.filter((item) => !codings.has(item.key))
	);
	return {
		items: shown.map((item) => {
			const mine = codings.get(item.key) ?? [];
			const exclude = new Set([...mine.map((c) => c.themeId), ...(rejections.get(item.key) ?? [])]);
			return { ...item, codings: mine, suggestions: suggestFor(model, item, exclude) };
		}),
		total: matching.length,
		page,
		pages,
		coded,
		uncoded: inSources.length - coded
	};
}

/** The item keys that name an item of a known kind; the rest are dropped. */
export function validItemKeys(keys: readonly string[]): string[] {
	return [...new Set(keys)].filter((key) => parseItemKey(key) !== null);
}

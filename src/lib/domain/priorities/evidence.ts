import {
	addInto,
	cosine,
	inverseDocumentFrequency,
	normalize,
	vectorize,
	type Vector
} from '../coding/tfidf';
import { tokenize, type TextLanguage } from '../coding/tokenize';
import { groupIsShown, suppressCells, type ShownCell } from '../suppression/suppress';

/*
 * The evidence behind a priority area, computed from the coded items of its themes (a top-level
 * theme brings its sub-themes). Every count can be followed down: area → themes → items.
 * Breakdowns count distinct participants and go through small-cell suppression; a quote names
 * the group it comes from only when that group has at least k participants in the area.
 */

export interface EvidenceItem {
	key: string;
	/** themes of the item's (primary) coding */
	themeIds: readonly string[];
	/** who said it: a response id (one person) */
	participant: string;
	channel: string;
	language: TextLanguage;
	text: string;
	/** self-described, by dimension; absent when not answered */
	demographics: Readonly<Record<string, string>>;
}

export interface ThemeCount {
	themeId: string;
	mentions: number;
	participants: number;
}

export interface Quote {
	key: string;
	text: string;
	language: TextLanguage;
	/** null when the quote's group is under k: the quote is shown, its source is not */
	attribution: { channel: string; language: TextLanguage } | null;
}

export interface AreaEvidence {
	/** coded items under any of the area's themes */
	mentions: number;
	participants: number;
	themes: ThemeCount[];
	byChannel: ShownCell[];
	byLanguage: ShownCell[];
	demographics: { dimension: string; cells: ShownCell[] }[];
	quotes: Quote[];
}

export const QUOTES_PER_AREA = 3;

/** Distinct participants per value of `group`, as cells in first-seen order (or `order`). */
function participantCells(
	items: readonly EvidenceItem[],
	group: (item: EvidenceItem) => string | undefined,
	order: readonly string[] = []
) {
	const people = new Map<string, Set<string>>(order.map((key) => [key, new Set()]));
	for (const item of items) {
		const key = group(item);
		if (key === undefined) continue;
		let set = people.get(key);
		if (!set) people.set(key, (set = new Set()));
		set.add(item.participant);
	}
	return [...people].map(([key, set]) => ({ key, count: set.size }));
}

/**
 * `themeIds` are the area's themes with their sub-themes already added (see expandThemes);
 * `items` are coded items of the community (any themes; those of other themes are ignored).
 */
export function areaEvidence(
	themeIds: readonly string[],
	items: readonly EvidenceItem[],
	k: number,
	channels: readonly string[] = []
): AreaEvidence {
	const wanted = new Set(themeIds);
	const inArea = items.filter((item) => item.themeIds.some((id) => wanted.has(id)));
	const themes = themeIds.map((themeId) => {
		const mine = inArea.filter((item) => item.themeIds.includes(themeId));
		return {
			themeId,
			mentions: mine.length,
			participants: new Set(mine.map((item) => item.participant)).size
		};
	});
	const dimensions = [...new Set(inArea.flatMap((item) => Object.keys(item.demographics)))].sort();
	const languageCells = participantCells(inArea, (item) => item.language, ['en', 'fr']);
	const channelCells = participantCells(inArea, (item) => item.channel, channels);

	// a group large enough to name: channel and language together, the finest the quote shows
	const groupSizes = new Map(
		participantCells(inArea, (item) => `${item.channel}|${item.language}`).map((c) => [
			c.key,
			c.count
		])
	);
	const quotes = representative(inArea, QUOTES_PER_AREA).map((item) => ({
		key: item.key,
		text: item.text,
		language: item.language,
		attribution: groupIsShown(groupSizes.get(`${item.channel}|${item.language}`) ?? 0, k)
			? { channel: item.channel, language: item.language }
			: null
	}));

	return {
		mentions: inArea.length,
		participants: new Set(inArea.map((item) => item.participant)).size,
		themes,
		byChannel: suppressCells(channelCells, k),
		byLanguage: suppressCells(languageCells, k),
		demographics: dimensions.map((dimension) => ({
			dimension,
			cells: suppressCells(
				participantCells(inArea, (item) => item.demographics[dimension]),
				k
			)
		})),
		quotes
	};
}

/**
 * The items closest to what the area's items say as a whole (cosine to their TF-IDF centroid),
 * one per participant, so the quotes are typical rather than the loudest or longest.
 */
export function representative(items: readonly EvidenceItem[], count: number): EvidenceItem[] {
	if (items.length <= count) return [...items];
	const terms = items.map((item) => tokenize(item.text, item.language));
	const idf = inverseDocumentFrequency(terms);
	const vectors = terms.map((t) => vectorize(t, idf));
	const centroid: Vector = new Map();
	for (const v of vectors) addInto(centroid, v);
	normalize(centroid);
	const ranked = items
		.map((item, i) => ({ item, score: cosine(vectors[i], centroid) }))
		.sort((a, b) => b.score - a.score || a.item.key.localeCompare(b.item.key));
	const chosen: EvidenceItem[] = [];
	const people = new Set<string>();
	for (const { item } of ranked) {
		if (people.has(item.participant)) continue;
		people.add(item.participant);
		chosen.push(item);
		if (chosen.length === count) break;
	}
	return chosen;
}

/** An area's themes with the sub-themes of each top-level one. */
export function expandThemes(
	themeIds: readonly string[],
	themes: readonly { id: string; parentId: string | null }[]
): string[] {
	const result = new Set(themeIds);
	for (const theme of themes)
		if (theme.parentId && result.has(theme.parentId)) result.add(theme.id);
	return [...result];
}

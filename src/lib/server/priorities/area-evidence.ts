import {
	areaEvidence,
	expandThemes,
	type AreaEvidence,
	type EvidenceItem
} from '$lib/domain/priorities/evidence';
import type { Queryable } from '../db/types';
import { listSourceItems } from '../coding/item-sources';
import { loadCodings } from '../coding/load-codings';
import type { Theme } from '../coding/list-themes';

const CHANNELS = ['online', 'paper', 'kiosk', 'event', 'focus_group', 'interview'];

/** The coded items of a community with who said them and their demographics, for the evidence. */
export async function codedEvidenceItems(
	tx: Queryable,
	communityId: string
): Promise<EvidenceItem[]> {
	const [items, codings] = await Promise.all([
		listSourceItems(tx, communityId),
		loadCodings(tx, communityId)
	]);
	const coded = items.filter((item) => codings.has(item.key));
	const responseIds = [...new Set(coded.flatMap((item) => item.responseId ?? []))];
	const demographics = new Map<string, Record<string, string>>();
	if (responseIds.length > 0) {
		const rows = await tx.query<{ responseId: string; dimension: string; value: string }>(
			`select response_id as "responseId", dimension, value from public.demographic_answers
			where response_id = any($1::uuid[])`,
			[responseIds]
		);
		for (const row of rows) {
			let map = demographics.get(row.responseId);
			if (!map) demographics.set(row.responseId, (map = {}));
			map[row.dimension] = row.value;
		}
	}
	return coded.map((item) => ({
		key: item.key,
		themeIds: codings.get(item.key)!.map((c) => c.themeId),
		participant: item.participantId,
		channel: item.channel,
		language: item.language,
		text: item.text,
		demographics: (item.responseId && demographics.get(item.responseId)) || {}
	}));
}

/** The evidence of each area (by id), its themes expanded with their sub-themes. */
export async function evidenceByArea(
	tx: Queryable,
	communityId: string,
	areas: readonly { id: string; themeIds: string[] }[],
	themes: readonly Theme[],
	k: number
): Promise<Map<string, AreaEvidence>> {
	const items = await codedEvidenceItems(tx, communityId);
	return new Map(
		areas.map((area) => [
			area.id,
			areaEvidence(expandThemes(area.themeIds, themes), items, k, CHANNELS)
		])
	);
}

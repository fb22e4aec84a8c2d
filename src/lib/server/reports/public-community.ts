import type { CommunitySummary } from '$lib/domain/reports/summary';
import { listIndicators, type Indicator } from '../actions/list-indicators';
import { listPublishedUpdates, type ProgressUpdate } from '../actions/list-published-updates';
import type { Queryable } from '../db/types';
import { loadPublishedVision, type PublishedVision } from '../vision/load-vision';

export interface PublicCommunity {
	/** residents may read these columns only; the summary carries the k it was suppressed at */
	community: { id: string; slug: string; name: { en: string; fr: string } };
	/** the figures as last published by the team, never live counts */
	summary: { summary: CommunitySummary; publishedAt: Date } | null;
	vision: PublishedVision | null;
	/** published progress updates and public indicators (RLS shows anyone no others) */
	updates: ProgressUpdate[];
	indicators: Indicator[];
}

/**
 * A community as anyone may see it, by its slug: its newest published summary and vision. RLS
 * lets anyone read a community only once it has published one of them, and only published
 * versions and summaries; null otherwise, so an unpublished community looks like no community.
 */
export async function loadPublicCommunity(
	tx: Queryable,
	slug: string
): Promise<PublicCommunity | null> {
	const [community] = await tx.query<PublicCommunity['community']>(
		'select id, slug, name from public.communities where slug = $1',
		[slug]
	);
	if (!community) return null;
	const [summary] = await tx.query<{ summary: CommunitySummary; publishedAt: Date }>(
		`select summary, published_at as "publishedAt" from public.public_summaries
		where community_id = $1 order by published_at desc limit 1`,
		[community.id]
	);
	const vision = await loadPublishedVision(tx, community.id);
	if (!summary && !vision) return null;
	const updates = await listPublishedUpdates(tx, community.id);
	const indicators = await listIndicators(tx, community.id);
	return { community, summary: summary ?? null, vision, updates, indicators };
}

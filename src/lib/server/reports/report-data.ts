import type { CommunitySummary } from '$lib/domain/reports/summary';
import type { EndorsementResults } from '$lib/domain/vision/endorsement';
import { listIndicators, type Indicator } from '../actions/list-indicators';
import { listPublishedUpdates, type ProgressUpdate } from '../actions/list-published-updates';
import type { Tx } from '../db/types';
import { loadEndorsementResults } from '../vision/endorsement-results';
import { loadPublishedVision, type PublishedVision } from '../vision/load-vision';
import { communitySummary } from './community-summary';

export interface ReportData {
	summary: CommunitySummary;
	vision: PublishedVision | null;
	endorsement: EndorsementResults | null;
	/** when the public page's figures were last published */
	publishedSummaryAt: Date | null;
	/** what residents were told was done, and every indicator with its latest value */
	updates: ProgressUpdate[];
	indicators: Indicator[];
}

/**
 * Everything the report for council and funders shows, counted now and suppressed: what was
 * heard (communitySummary), the published vision and its endorsement, action and progress. Null for a role that may
 * not read participants' answers (volunteers).
 */
export async function reportData(
	tx: Tx,
	community: { id: string; suppressionK: number }
): Promise<ReportData | null> {
	const summary = await communitySummary(tx, community);
	if (!summary) return null;
	const vision = await loadPublishedVision(tx, community.id);
	const endorsement = vision
		? await loadEndorsementResults(
				tx,
				vision.publication,
				vision.goals.map((goal) => goal.key),
				community.suppressionK
			)
		: null;
	const [published] = await tx.query<{ at: Date }>(
		'select max(published_at) as at from public.public_summaries where community_id = $1',
		[community.id]
	);
	const updates = await listPublishedUpdates(tx, community.id);
	const indicators = await listIndicators(tx, community.id);
	return {
		updates,
		indicators,
		summary,
		vision,
		endorsement: endorsement?.results ?? null,
		publishedSummaryAt: published?.at ?? null
	};
}

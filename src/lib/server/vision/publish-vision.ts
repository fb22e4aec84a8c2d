import { publishProblems, type VisionProblem } from '$lib/domain/vision/vision';
import { INSUFFICIENT_PRIVILEGE, pgError } from '../db/errors';
import type { Tx } from '../db/types';
import { publishSummary } from '../reports/publish-summary';
import { loadVisionVersion } from './load-vision';

export type PublishVisionOutcome =
	{ ok: true } | { ok: false; problems: VisionProblem[] } | { ok: false; error: string };

/**
 * Publishes a version: residents see it on the community's public pages and may endorse it (a
 * new endorsement round; the previous publication's round ends). The public page's figures are
 * counted again at the same moment, so the vision appears beside what it was drawn from.
 * Outcomes: { ok: true } | { problems } naming every missing translation (nothing published) |
 * 'vision.errors.not_found' | 'vision.errors.not_allowed' (not an owner or organizer).
 */
export async function publishVision(
	tx: Tx,
	community: { id: string; suppressionK: number },
	number: number
): Promise<PublishVisionOutcome> {
	const version = await loadVisionVersion(tx, community.id, number);
	if (!version) return { ok: false, error: 'vision.errors.not_found' };
	const problems = publishProblems(version);
	if (problems.length > 0) return { ok: false, problems };
	try {
		await tx.savepoint((sp) =>
			sp.query(
				`insert into public.vision_publications (community_id, version_id, published_by)
				values ($1, $2, (select auth.uid()))`,
				[community.id, version.id]
			)
		);
	} catch (error) {
		if (pgError(error).code === INSUFFICIENT_PRIVILEGE)
			return { ok: false, error: 'vision.errors.not_allowed' };
		throw error;
	}
	const summary = await publishSummary(tx, community);
	return summary.ok ? { ok: true } : { ok: false, error: summary.error };
}

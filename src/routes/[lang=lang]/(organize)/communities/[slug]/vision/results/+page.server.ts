import { requireCoder } from '$lib/server/coding/permissions';
import { loadEndorsementResults } from '$lib/server/vision/endorsement-results';
import { loadPublishedVision } from '$lib/server/vision/load-vision';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	requireCoder(community);
	return locals.asUser(async (tx) => {
		const vision = await loadPublishedVision(tx, community.id);
		if (!vision) return { vision: null, endorsement: null };
		const endorsement = await loadEndorsementResults(
			tx,
			vision.publication,
			vision.goals.map((goal) => goal.key),
			community.suppressionK
		);
		return { vision, endorsement };
	});
}) satisfies PageServerLoad;

import { listCommunityAreas } from '$lib/server/selection/list-community-areas';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	return { areas: await locals.asUser((tx) => listCommunityAreas(tx, community.id)) };
}) satisfies PageServerLoad;

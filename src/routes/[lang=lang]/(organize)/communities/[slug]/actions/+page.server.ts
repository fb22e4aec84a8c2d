import { actionsOverview } from '$lib/server/actions/actions-overview';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	return { areas: await locals.asUser((tx) => actionsOverview(tx, community.id)) };
}) satisfies PageServerLoad;

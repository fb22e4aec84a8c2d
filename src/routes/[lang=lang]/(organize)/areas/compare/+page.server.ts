import { compareCommunities } from '$lib/server/communities/compare-communities';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => ({
	communities: await locals.asUser((tx) => compareCommunities(tx))
})) satisfies PageServerLoad;

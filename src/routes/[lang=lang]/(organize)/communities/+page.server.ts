import { listMyCommunities } from '$lib/server/communities/list-my-communities';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => ({
	communities: await locals.asUser(listMyCommunities)
})) satisfies PageServerLoad;

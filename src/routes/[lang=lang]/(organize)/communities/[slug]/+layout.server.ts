import { requireCommunity } from '$lib/server/communities/require-community';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals, params }) => ({
	community: await requireCommunity(locals, params.slug)
})) satisfies LayoutServerLoad;

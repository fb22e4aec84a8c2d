import { redirect } from '@sveltejs/kit';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { requireCoder } from '$lib/server/coding/permissions';
import { areasWithEvidence, submitPriorityArea } from '$lib/server/priorities/priority-area-pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	requireCoder(community);
	return locals.asUser(async (tx) => {
		const { themes, areas, evidence } = await areasWithEvidence(tx, community);
		return {
			themes,
			areas: areas.map((area) => {
				const e = evidence.get(area.id)!;
				return { ...area, mentions: e.mentions, participants: e.participants };
			})
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const result = await submitPriorityArea(locals, request, { communityId: community.id });
		if (!result.ok) return result.failure;
		redirect(303, paths.priorityArea(locals.lang, community.slug, result.id));
	}
} satisfies Actions;

import { error, fail, redirect } from '@sveltejs/kit';
import { formError } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { requireCoder } from '$lib/server/coding/permissions';
import { listAreaVotes } from '$lib/server/priorities/area-votes';
import { deletePriorityArea } from '$lib/server/priorities/delete-priority-area';
import { areasWithEvidence, submitPriorityArea } from '$lib/server/priorities/priority-area-pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent, params }) => {
	const { community } = await parent();
	requireCoder(community);
	return locals.asUser(async (tx) => {
		const { themes, areas, evidence } = await areasWithEvidence(tx, community, params.areaId);
		const [area] = areas;
		if (!area) error(404, 'not_found');
		const votes = await listAreaVotes(tx, community.id, area.id);
		return { themes, area, evidence: evidence.get(area.id)!, votes };
	});
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const result = await submitPriorityArea(locals, request, {
			communityId: community.id,
			id: params.areaId
		});
		if (!result.ok) return result.failure;
		return { saved: true };
	},

	delete: async ({ locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const deleted = await locals.asUser((tx) =>
			deletePriorityArea(tx, community.id, params.areaId)
		);
		if (!deleted) return fail(403, { errors: formError('priorities.errors.not_allowed') });
		redirect(303, paths.priorities(locals.lang, community.slug));
	}
} satisfies Actions;

import { redirect } from '@sveltejs/kit';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { recordSession } from '$lib/server/sessions/record-session';
import { loadSessionFormPage, submitSessionForm } from '$lib/server/sessions/session-form-page';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	return loadSessionFormPage(locals, community);
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const result = await submitSessionForm(locals, request, (tx, read) =>
			recordSession(tx, { communityId: community.id, ...read })
		);
		if (!result.ok) return result.failure;
		redirect(303, paths.session(locals.lang, community.slug, result.id));
	}
} satisfies Actions;

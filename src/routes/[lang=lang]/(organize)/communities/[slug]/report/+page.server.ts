import { fail } from '@sveltejs/kit';
import { requireCoder } from '$lib/server/coding/permissions';
import { requireCommunity } from '$lib/server/communities/require-community';
import { publishSummary } from '$lib/server/reports/publish-summary';
import { reportData } from '$lib/server/reports/report-data';
import { formError } from '$lib/domain/validation';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	requireCoder(community);
	const report = await locals.asUser((tx) => reportData(tx, community));
	return { report };
}) satisfies PageServerLoad;

export const actions = {
	/** The public page's figures, counted again now. */
	publish: async ({ locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const result = await locals.asUser((tx) => publishSummary(tx, community));
		if (!result.ok) return fail(403, { errors: formError(result.error) });
		return { published: true };
	}
} satisfies Actions;

import { error, fail, redirect } from '@sveltejs/kit';
import { priorityAreaForm, priorityAreaInput } from '$lib/domain/priorities/forms';
import { formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { listThemes } from '$lib/server/coding/list-themes';
import { requireCoder } from '$lib/server/coding/permissions';
import { evidenceByArea } from '$lib/server/priorities/area-evidence';
import { deletePriorityArea } from '$lib/server/priorities/delete-priority-area';
import { listPriorityAreas } from '$lib/server/priorities/list-priority-areas';
import { savePriorityArea } from '$lib/server/priorities/save-priority-area';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent, params }) => {
	const { community } = await parent();
	requireCoder(community);
	return locals.asUser(async (tx) => {
		const themes = await listThemes(tx, community.id);
		const area = (await listPriorityAreas(tx, community.id)).find((a) => a.id === params.areaId);
		if (!area) error(404, 'not_found');
		const evidence = await evidenceByArea(tx, community.id, [area], themes, community.suppressionK);
		return { themes, area, evidence: evidence.get(area.id)! };
	});
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const data = await request.formData();
		const values = formValues(data);
		const input = priorityAreaInput(data);
		const parsed = priorityAreaForm.safeParse(input);
		if (!parsed.success)
			return fail(400, {
				errors: nestedFieldErrors(parsed.error),
				values,
				themeIds: input.themeIds
			});
		const result = await locals.asUser((tx) =>
			savePriorityArea(tx, { ...parsed.data, communityId: community.id, id: params.areaId })
		);
		if (!result.ok)
			return fail(400, { errors: formError(result.error), values, themeIds: input.themeIds });
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

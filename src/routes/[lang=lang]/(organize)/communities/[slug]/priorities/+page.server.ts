import { fail, redirect } from '@sveltejs/kit';
import { priorityAreaForm, priorityAreaInput } from '$lib/domain/priorities/forms';
import { formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { listThemes } from '$lib/server/coding/list-themes';
import { requireCoder } from '$lib/server/coding/permissions';
import { evidenceByArea } from '$lib/server/priorities/area-evidence';
import { listPriorityAreas } from '$lib/server/priorities/list-priority-areas';
import { savePriorityArea } from '$lib/server/priorities/save-priority-area';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	requireCoder(community);
	return locals.asUser(async (tx) => {
		const themes = await listThemes(tx, community.id);
		const areas = await listPriorityAreas(tx, community.id);
		const evidence = await evidenceByArea(tx, community.id, areas, themes, community.suppressionK);
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
			savePriorityArea(tx, { ...parsed.data, communityId: community.id })
		);
		if (!result.ok)
			return fail(400, { errors: formError(result.error), values, themeIds: input.themeIds });
		redirect(303, paths.priorityArea(locals.lang, community.slug, result.id));
	}
} satisfies Actions;

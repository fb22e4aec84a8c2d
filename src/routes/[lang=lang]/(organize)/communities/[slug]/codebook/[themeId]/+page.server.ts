import { error, fail, redirect } from '@sveltejs/kit';
import { themeForm, themeFormInput } from '$lib/domain/coding/codebook';
import { formError, formValues, nestedFieldErrors, type FieldErrors } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { deleteTheme } from '$lib/server/coding/delete-theme';
import { listThemes } from '$lib/server/coding/list-themes';
import { requireCoder } from '$lib/server/coding/permissions';
import { saveTheme } from '$lib/server/coding/save-theme';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent, params }) => {
	const { community } = await parent();
	requireCoder(community);
	const themes = await locals.asUser((tx) => listThemes(tx, community.id));
	const theme = themes.find((t) => t.id === params.themeId);
	if (!theme) error(404, 'not_found');
	return { theme, themes };
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		const parsed = themeForm.safeParse(themeFormInput(values));
		if (!parsed.success) return fail(400, { errors: nestedFieldErrors(parsed.error), values });
		const result = await locals.asUser((tx) =>
			saveTheme(tx, { ...parsed.data, communityId: community.id, id: params.themeId })
		);
		if (!result.ok)
			return fail(400, { errors: { [result.field]: result.error } as FieldErrors, values });
		redirect(303, paths.codebook(locals.lang, community.slug));
	},

	delete: async ({ locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const deleted = await locals.asUser((tx) => deleteTheme(tx, community.id, params.themeId));
		if (!deleted) return fail(403, { errors: formError('codebook.errors.not_allowed') });
		redirect(303, paths.codebook(locals.lang, community.slug));
	}
} satisfies Actions;

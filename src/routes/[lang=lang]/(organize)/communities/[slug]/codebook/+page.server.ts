import { fail } from '@sveltejs/kit';
import { themeForm, themeFormInput } from '$lib/domain/coding/codebook';
import { formError, formValues, nestedFieldErrors, type FieldErrors } from '$lib/domain/validation';
import { requireCommunity } from '$lib/server/communities/require-community';
import { importCodebook } from '$lib/server/coding/import-codebook';
import { listThemes } from '$lib/server/coding/list-themes';
import { requireCoder } from '$lib/server/coding/permissions';
import { saveTheme } from '$lib/server/coding/save-theme';
import type { Actions, PageServerLoad } from './$types';

/** A codebook is a few hundred rows at most; anything far larger is not one. */
const MAX_CSV_BYTES = 1_000_000;

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	requireCoder(community);
	return { themes: await locals.asUser((tx) => listThemes(tx, community.id)) };
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		const parsed = themeForm.safeParse(themeFormInput(values));
		if (!parsed.success) return fail(400, { errors: nestedFieldErrors(parsed.error), values });
		const result = await locals.asUser((tx) =>
			saveTheme(tx, { ...parsed.data, communityId: community.id })
		);
		if (!result.ok)
			return fail(400, { errors: { [result.field]: result.error } as FieldErrors, values });
		return { created: parsed.data.code };
	},

	import: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const data = await request.formData();
		const file = data.get('file');
		const dryRun = data.get('mode') !== 'import';
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { importErrors: { file: 'codebook.errors.file_required' } as FieldErrors });
		if (file.size > MAX_CSV_BYTES)
			return fail(400, { importErrors: { file: 'codebook.errors.file_too_large' } as FieldErrors });
		const csv = await file.text();
		const result = await locals.asUser((tx) =>
			importCodebook(tx, { communityId: community.id, csv, dryRun })
		);
		if (!result.ok)
			return fail(400, {
				importErrors: formError('codebook.errors.import_refused'),
				problems: result.problems
			});
		return { imported: result };
	}
} satisfies Actions;

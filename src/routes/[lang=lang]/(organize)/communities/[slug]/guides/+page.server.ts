import { fail, redirect } from '@sveltejs/kit';
import { canEditGuides } from '$lib/domain/sessions/records';
import { guideTitleForm, guideTitleInput } from '$lib/domain/sessions/guides';
import { formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { createGuide } from '$lib/server/sessions/create-guide';
import { listGuides } from '$lib/server/sessions/list-guides';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	return {
		guides: await locals.asUser((tx) => listGuides(tx, community.id)),
		canEdit: canEditGuides(community.role)
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		const parsed = guideTitleForm.safeParse(guideTitleInput(values));
		if (!parsed.success) return fail(400, { errors: nestedFieldErrors(parsed.error), values });
		const result = await locals.asUser((tx) =>
			createGuide(tx, { communityId: community.id, title: parsed.data.title })
		);
		if (!result.ok) return fail(403, { errors: formError(result.error), values });
		redirect(303, paths.guide(locals.lang, community.slug, result.id));
	}
} satisfies Actions;

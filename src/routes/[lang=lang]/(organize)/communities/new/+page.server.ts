import { fail, redirect } from '@sveltejs/kit';
import { communityForm } from '$lib/domain/communities/schemas';
import { fieldErrors, type FieldErrors, formValues } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { createCommunity } from '$lib/server/communities/create-community';
import type { Actions } from './$types';

export const actions = {
	default: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const parsed = communityForm.safeParse(values);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values });
		const result = await locals.asUser((tx) => createCommunity(tx, parsed.data));
		if (!result.ok)
			return fail(400, { errors: { [result.field]: result.error } as FieldErrors, values });
		redirect(303, paths.community(locals.lang, result.slug));
	}
} satisfies Actions;

import { fail, redirect } from '@sveltejs/kit';
import { canRecordSessions } from '$lib/domain/sessions/records';
import { formError } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { readSessionForm, sessionFormChoices } from '$lib/server/sessions/read-session-form';
import { recordSession } from '$lib/server/sessions/record-session';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	return {
		...(await sessionFormChoices(locals, community.id)),
		canRecord: canRecordSessions(community.role)
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const read = readSessionForm(await request.formData());
		if (!read.ok) return fail(400, { errors: read.errors, values: read.values });
		const result = await locals.asUser((tx) =>
			recordSession(tx, { communityId: community.id, form: read.form, tally: read.tally })
		);
		if (!result.ok)
			return 'field' in result
				? fail(400, { errors: { [result.field]: result.error }, values: read.values })
				: fail(403, { errors: formError(result.error), values: read.values });
		redirect(303, paths.session(locals.lang, community.slug, result.id));
	}
} satisfies Actions;

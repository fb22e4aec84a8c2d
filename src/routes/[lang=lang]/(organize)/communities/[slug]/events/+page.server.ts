import { fail, redirect } from '@sveltejs/kit';
import { eventForm, eventInput } from '$lib/domain/events/forms';
import { canRunEvents } from '$lib/domain/events/permissions';
import { formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { createEvent } from '$lib/server/events/create-event';
import { listEvents } from '$lib/server/events/list-events';
import { questionnaireChoices } from '$lib/server/events/questionnaire-choices';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	return locals.asUser(async (tx) => ({
		events: await listEvents(tx, community.id),
		questionnaires: await questionnaireChoices(tx, community.id),
		canRun: canRunEvents(community.role)
	}));
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		const parsed = eventForm.safeParse(eventInput(values));
		if (!parsed.success) return fail(400, { errors: nestedFieldErrors(parsed.error), values });
		const result = await locals.asUser((tx) =>
			createEvent(tx, { ...parsed.data, communityId: community.id })
		);
		if (!result.ok)
			return fail(result.error === 'events.errors.not_allowed' ? 403 : 400, {
				errors: formError(result.error),
				values
			});
		redirect(303, paths.event(locals.lang, community.slug, result.id));
	}
} satisfies Actions;

import { error, fail } from '@sveltejs/kit';
import { ideaForm, profileForm } from '$lib/domain/events/forms';
import { fieldErrors, formValues } from '$lib/domain/validation';
import { deviceHash } from '$lib/server/events/device-token';
import { eventLive } from '$lib/server/events/event-live';
import { eventForRequest } from '$lib/server/events/event-request';
import { postIdea } from '$lib/server/events/post-idea';
import { saveProfile } from '$lib/server/events/save-profile';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (request) => {
	// Each page carries a fresh idea id: a shared cache must never hand one to two phones.
	request.setHeaders({ 'cache-control': 'no-store' });
	const { event, code } = await eventForRequest(request);
	const live = await request.locals.asUser((tx) => eventLive(tx, event.id));
	if (!live) error(404, 'events.errors.not_found');
	return { event, code, live, ideaId: crypto.randomUUID() };
}) satisfies PageServerLoad;

export const actions = {
	idea: async (request) => {
		const { event, device } = await eventForRequest(request);
		const values = formValues(await request.request.formData());
		const parsed = ideaForm.safeParse(values);
		if (!parsed.success) return fail(400, { idea: { errors: fieldErrors(parsed.error), values } });
		const result = await request.locals.asUser((tx) =>
			postIdea(tx, {
				...parsed.data,
				eventId: event.id,
				deviceHash: deviceHash(device),
				language: request.locals.lang
			})
		);
		if (!result.ok) return fail(409, { idea: { errors: { form: result.error }, values } });
		return { done: 'events.idea_sent' };
	},

	profile: async (request) => {
		const { event, device } = await eventForRequest(request);
		const values = formValues(await request.request.formData());
		const parsed = profileForm.safeParse(values);
		if (!parsed.success)
			return fail(400, { profile: { errors: fieldErrors(parsed.error), values } });
		const result = await request.locals.asUser((tx) =>
			saveProfile(tx, { eventId: event.id, deviceHash: deviceHash(device), profile: parsed.data })
		);
		if (!result.ok) return fail(409, { profile: { errors: { form: result.error }, values } });
		return { done: 'events.profile_saved' };
	}
} satisfies Actions;

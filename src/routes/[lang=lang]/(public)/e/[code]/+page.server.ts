import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { ideaForm, profileForm } from '$lib/domain/events/forms';
import { fieldErrors, formValues } from '$lib/domain/validation';
import { adjustDots } from '$lib/domain/events/adjust-dots';
import { marksFromForm } from '$lib/domain/voting';
import { castEventBallot, eventBallots, eventProfileOf } from '$lib/server/events/event-vote';
import { deviceHash } from '$lib/server/events/device-token';
import { currentLive } from '$lib/server/events/live-hub';
import { eventForRequest } from '$lib/server/events/event-request';
import { platform } from '$lib/server/platform';
import { postIdea } from '$lib/server/events/post-idea';
import { saveProfile } from '$lib/server/events/save-profile';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (request) => {
	// Each page carries a fresh idea id: a shared cache must never hand one to two phones.
	request.setHeaders({ 'cache-control': 'no-store' });
	const { event, code, device } = await eventForRequest(request);
	const live = await currentLive(platform().db, event.id);
	if (!live) error(404, 'events.errors.not_found');
	const ballots = await request.locals.asUser((tx) =>
		eventBallots(tx, event.id, device, request.locals.lang)
	);
	return { event, code, live, ballots, ideaId: crypto.randomUUID() };
}) satisfies PageServerLoad;

const voteForm = z.object({ roundId: z.uuid() });

export const actions = {
	/** The live vote: this phone's ballot in one of the event's rounds (channel 'event'). */
	vote: async (request) => {
		const { event, device } = await eventForRequest(request);
		const values = formValues(await request.request.formData());
		const parsed = voteForm.safeParse(values);
		if (!parsed.success) return fail(400, { vote: { errors: { form: 'errors.invalid' }, values } });
		const profile = await eventProfileOf(platform().db, event.id, deviceHash(device));
		const result = await request.locals.asUser((tx) =>
			castEventBallot(tx, {
				eventId: event.id,
				roundId: parsed.data.roundId,
				token: device,
				language: request.locals.lang,
				ballot: marksFromForm(values),
				profile
			})
		);
		if (!result.ok)
			return fail(result.error === 'voting.errors.closed' ? 409 : 400, {
				vote: { errors: { form: result.error }, values }
			});
		return { done: 'events.vote_cast' };
	},

	/**
	 * The − and + of dot voting without JavaScript (DotsBallot posts them here): the same form
	 * back with one dot more or less on an option. Nothing is saved.
	 */
	adjust: async (request) => {
		await eventForRequest(request);
		const values = formValues(await request.request.formData());
		return { vote: { errors: {}, values: adjustDots(values) } };
	},

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

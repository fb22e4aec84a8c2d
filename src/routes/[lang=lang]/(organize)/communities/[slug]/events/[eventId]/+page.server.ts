import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import {
	eventForm,
	eventInput,
	moderationForm,
	signinCells,
	signinErrors,
	signinForm,
	signinInput
} from '$lib/domain/events/forms';
import { canEnterSheets, canReadProfiles, canRunEvents } from '$lib/domain/events/permissions';
import { formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { requireCommunity } from '$lib/server/communities/require-community';
import { getEvent } from '$lib/server/events/list-events';
import { listIdeas, moderateIdea } from '$lib/server/events/moderate-idea';
import { profileCounts } from '$lib/server/events/profile-counts';
import { roundChoices, setEventRound } from '$lib/server/events/event-rounds';
import { questionnaireChoices } from '$lib/server/events/questionnaire-choices';
import { listSigninCounts, saveSigninCounts } from '$lib/server/events/signin-counts';
import { setEventStatus, updateEvent } from '$lib/server/events/update-event';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = (async ({ locals, parent, params }) => {
	const { community } = await parent();
	return locals.asUser(async (tx) => {
		const event = await getEvent(tx, community.id, params.eventId);
		if (!event) error(404, 'not_found');
		return {
			event,
			ideas: await listIdeas(tx, event.id),
			signin: await listSigninCounts(tx, event.id),
			profiles: canReadProfiles(community.role) ? await profileCounts(tx, event.id) : null,
			questionnaires: await questionnaireChoices(tx, community.id),
			rounds: await roundChoices(tx, community.id),
			canRun: canRunEvents(community.role),
			canEnterSheets: canEnterSheets(community.role)
		};
	});
}) satisfies PageServerLoad;

/** The event of the address, as the signed-in person may see it; 404 otherwise. */
async function eventOf({ locals, params }: RequestEvent) {
	const community = await requireCommunity(locals, params.slug);
	const event = await locals.asUser((tx) => getEvent(tx, community.id, params.eventId));
	if (!event) error(404, 'not_found');
	return event;
}

const statusForm = z.object({ status: z.enum(['open', 'closed']) });
const roundForm = z.object({
	roundId: z
		.union([z.literal(''), z.uuid()])
		.default('')
		.transform((id) => id || null)
});

export const actions = {
	update: async (request) => {
		const event = await eventOf(request);
		const values = formValues(await request.request.formData());
		const parsed = eventForm.safeParse(eventInput(values));
		if (!parsed.success)
			return fail(400, { edit: { errors: nestedFieldErrors(parsed.error), values } });
		const result = await request.locals.asUser((tx) => updateEvent(tx, event.id, parsed.data));
		if (!result.ok) return fail(400, { edit: { errors: formError(result.error), values } });
		return { saved: 'events.saved' };
	},

	status: async (request) => {
		const event = await eventOf(request);
		const parsed = statusForm.safeParse(formValues(await request.request.formData()));
		if (!parsed.success) return fail(400, { status: { errors: formError('errors.invalid') } });
		const result = await request.locals.asUser((tx) =>
			setEventStatus(tx, event.id, parsed.data.status)
		);
		if (!result.ok) return fail(403, { status: { errors: formError(result.error) } });
		return { saved: parsed.data.status === 'open' ? 'events.opened' : 'events.closed' };
	},

	/** Which vote round is the event's live vote (cast from the event page, channel 'event'). */
	round: async (request) => {
		const event = await eventOf(request);
		const parsed = roundForm.safeParse(formValues(await request.request.formData()));
		if (!parsed.success)
			return fail(400, { status: { errors: formError('errors.invalid_choice') } });
		const result = await request.locals.asUser((tx) =>
			setEventRound(tx, { eventId: event.id, communityId: event.communityId, ...parsed.data })
		);
		if (!result.ok) return fail(403, { status: { errors: formError(result.error) } });
		return { saved: 'events.round_saved' };
	},

	moderate: async (request) => {
		const event = await eventOf(request);
		const parsed = moderationForm.safeParse(formValues(await request.request.formData()));
		if (!parsed.success) return fail(400, { moderation: { errors: formError('errors.invalid') } });
		const result = await request.locals.asUser((tx) =>
			moderateIdea(tx, { eventId: event.id, ...parsed.data })
		);
		if (!result.ok) return fail(403, { moderation: { errors: formError(result.error) } });
		return { saved: `events.moderated.${parsed.data.status}` };
	},

	signin: async (request) => {
		const event = await eventOf(request);
		const values = formValues(await request.request.formData());
		const parsed = signinForm.safeParse(signinInput(values));
		if (!parsed.success)
			return fail(400, { signin: { errors: signinErrors(parsed.error), values } });
		const counts = signinCells().map(({ dimension, value, field }) => ({
			dimension,
			value,
			people: parsed.data.counts[field] ?? 0
		}));
		const result = await request.locals.asUser((tx) =>
			saveSigninCounts(tx, { eventId: event.id, attendees: parsed.data.attendees, counts })
		);
		if (!result.ok) return fail(403, { signin: { errors: formError(result.error), values } });
		return { saved: 'events.signin_saved' };
	}
} satisfies Actions;

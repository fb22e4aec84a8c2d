import { error, redirect } from '@sveltejs/kit';
import { paths } from '$lib/paths';
import { markEventSurvey } from '$lib/server/events/event-channel';
import { eventForRequest } from '$lib/server/events/event-request';
import type { RequestHandler } from './$types';

/**
 * Answer the event's questionnaire: remember on this phone that its answers to that
 * questionnaire come from the event (channel 'event'), then open the usual questionnaire pages.
 */
export const GET: RequestHandler = async (request) => {
	const { event } = await eventForRequest(request);
	if (!event.questionnaireSlug) error(404, 'events.errors.not_found');
	markEventSurvey(request.cookies, event.questionnaireSlug, request.url.protocol === 'https:');
	redirect(303, paths.survey(request.locals.lang, event.questionnaireSlug));
};

import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { liveResponse } from '$lib/server/events/live-hub';
import { platform } from '$lib/server/platform';
import type { RequestHandler } from './$types';

/**
 * The live state of an event as server-sent events, for phones and presenter screens. Addressed
 * by the event's id, which only those who opened the event know; it carries only what any
 * phone at the event may see (approved ideas, vote standings).
 */
export const GET: RequestHandler = ({ params, request }) => {
	const id = z.uuid().safeParse(params.eventId);
	if (!id.success) error(404, 'not_found');
	return liveResponse(platform().db, id.data, request.signal);
};

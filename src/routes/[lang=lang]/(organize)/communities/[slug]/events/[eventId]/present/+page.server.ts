import { error } from '@sveltejs/kit';
import { getEvent } from '$lib/server/events/list-events';
import { presenterView } from '$lib/server/events/presenter-view';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, parent, params, url }) => {
	const { community } = await parent();
	const event = await locals.asUser((tx) => getEvent(tx, community.id, params.eventId));
	if (!event) error(404, 'not_found');
	return { presenter: await presenterView(event, url) };
}) satisfies PageServerLoad;

import { error } from '@sveltejs/kit';
import { getEvent } from '$lib/server/events/list-events';
import { presenterView } from '$lib/server/events/presenter-view';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, parent, params, url }) => {
	const { community } = await parent();
	return {
		presenter: await locals.asUser(async (tx) => {
			const event = await getEvent(tx, community.id, params.eventId);
			if (!event) error(404, 'not_found');
			return presenterView(event, url);
		})
	};
}) satisfies PageServerLoad;

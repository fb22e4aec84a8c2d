import { error } from '@sveltejs/kit';
import { paths } from '$lib/paths';
import { getEvent } from '$lib/server/events/list-events';
import { qrSvg } from '$lib/server/events/qr-code';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, parent, params, url }) => {
	const { community } = await parent();
	const event = await locals.asUser((tx) => getEvent(tx, community.id, params.eventId));
	if (!event) error(404, 'not_found');
	const addresses = {
		en: url.origin + paths.eventPublic('en', event.joinCode),
		fr: url.origin + paths.eventPublic('fr', event.joinCode)
	};
	return {
		event,
		addresses,
		joinAddress: { en: url.origin + paths.eventJoin('en'), fr: url.origin + paths.eventJoin('fr') },
		qr: { en: await qrSvg(addresses.en), fr: await qrSvg(addresses.fr) }
	};
}) satisfies PageServerLoad;

import { error } from '@sveltejs/kit';
import { eventDisplays, type EventDisplay } from '$lib/domain/events/forms';
import { paths } from '$lib/paths';
import { platform } from '../platform';
import { currentLive } from './live-hub';

/**
 * What a presenter screen needs at first paint: the live state now (the page shows it before
 * its script connects, and without script), and which languages to show: the event's choice
 * unless the address asks for another (?show=en|fr|both). Call it outside any transaction of
 * the request: it reads through the server's own connection, which on the embedded database a
 * transaction would be holding.
 */
export async function presenterView(
	event: { id: string; title: { en: string; fr: string }; joinCode: string; display: EventDisplay },
	url: URL
) {
	const initial = await currentLive(platform().db, event.id);
	if (!initial) error(404, 'not_found');
	const asked = url.searchParams.get('show');
	const show = eventDisplays.find((display) => display === asked) ?? event.display;
	return {
		eventId: event.id,
		title: event.title,
		joinCode: event.joinCode,
		joinAddress: {
			en: `${url.host}${paths.eventJoin('en')}`,
			fr: `${url.host}${paths.eventJoin('fr')}`
		},
		show,
		initial
	};
}

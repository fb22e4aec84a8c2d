import { error, redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '$lib/domain/events/join-code';
import { paths } from '$lib/paths';
import { platform } from '../platform';
import { deviceToken, ensureDeviceToken } from './device-token';
import { joinEvent } from './join-event';

type Request = {
	params: { code: string };
	locals: App.Locals;
	cookies: import('@sveltejs/kit').Cookies;
	url: URL;
	getClientAddress: () => string;
};

/**
 * The event of a resident page's address, joined through the rate limit: every request that
 * names a code goes through it, so no page or action can be used to try codes faster. Gives the
 * phone its device token. Answers 404 for an unknown code and 429 past the limit; a code typed
 * in lower case is sent to its canonical address.
 */
export async function eventForRequest({ params, locals, cookies, url, getClientAddress }: Request) {
	const code = normalizeJoinCode(params.code);
	if (!code) error(404, 'events.errors.not_found');
	if (code !== params.code) redirect(301, paths.eventPublic(locals.lang, code) + url.search);
	const newPhone = deviceToken(cookies) === null;
	const joined = await joinEvent(platform().db, code, getClientAddress(), { newPhone });
	if (!joined.ok)
		error(
			joined.reason === 'rate_limited' ? 429 : 404,
			joined.reason === 'rate_limited' ? 'events.errors.rate_limited' : 'events.errors.not_found'
		);
	const device = ensureDeviceToken(cookies, url.protocol === 'https:');
	return { event: joined.event, code, device };
}

import type { Handle, ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { isLang, negotiateLang } from '$lib/i18n/languages';
import { readConfig } from '$lib/server/config';
import { withUser, withUserPipeline } from '$lib/server/db/with-user';
import { platform, startPlatform } from '$lib/server/platform';
import type { Claims } from '$lib/server/db/types';

export const init: ServerInit = async () => {
	try {
		await startPlatform(readConfig(env));
	} catch (error) {
		// Start-up problems (unreachable database, a DATA_DIR that is not ours, bad configuration)
		// are the operator's to fix: say what is wrong and stop, rather than serve errors.
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
	// The Node adapter stops taking requests on SIGTERM/SIGINT, then emits this: close the
	// database so PGlite is flushed and PostgreSQL's pool lets the process end.
	process.once('sveltekit:shutdown', () => {
		void platform().db.close();
	});
};

const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY'
};

export const handle: Handle = async ({ event, resolve }) => {
	const { pathname } = event.url;
	const accepted = negotiateLang(event.request.headers.get('accept-language'));
	if (pathname === '/') {
		return new Response(null, {
			status: 302,
			headers: { location: `/${accepted}`, vary: 'Accept-Language' }
		});
	}
	const segment = pathname.split('/')[1];
	// Pages outside /en and /fr (a 404) answer in the visitor's language.
	const lang = isLang(segment) ? segment : accepted;
	event.locals.lang = lang;

	const { db, auth } = platform();
	const user = await auth.currentUser(event.cookies);
	event.locals.user = user;
	const claims: Claims = user
		? { role: 'authenticated', sub: user.id, email: user.email }
		: { role: 'anon' };
	event.locals.asUser = (fn) => withUser(db, claims, fn);
	event.locals.asUserPipeline = (statements) => withUserPipeline(db, claims, statements);

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	return response;
};

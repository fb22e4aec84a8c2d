import { redirect } from '@sveltejs/kit';
import { paths } from '$lib/paths';
import type { LayoutServerLoad } from './$types';

/** Every organizer page needs a signed-in user; others are sent to sign in and back. */
export const load = (({ locals, url }) => {
	if (!locals.user) redirect(303, paths.signIn(locals.lang, url.pathname + url.search));
	return {};
}) satisfies LayoutServerLoad;

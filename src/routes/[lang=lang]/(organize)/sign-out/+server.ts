import { redirect } from '@sveltejs/kit';
import { paths } from '$lib/paths';
import { platform } from '$lib/server/platform';
import type { RequestHandler } from './$types';

export const POST = (async ({ cookies, locals }) => {
	await platform().auth.signOut(cookies);
	redirect(303, paths.home(locals.lang));
}) satisfies RequestHandler;

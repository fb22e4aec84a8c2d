import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => ({
	lang: locals.lang,
	user: locals.user ? { displayName: locals.user.displayName, email: locals.user.email } : null
})) satisfies LayoutServerLoad;

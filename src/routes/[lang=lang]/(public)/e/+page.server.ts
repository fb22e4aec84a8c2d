import { redirect } from '@sveltejs/kit';
import { normalizeJoinCode } from '$lib/domain/events/join-code';
import { paths } from '$lib/paths';
import type { PageServerLoad } from './$types';

/**
 * Type the code from the poster. The form is a GET to this page, so it works without script and
 * the event's own address (/e/<code>) is where the join is counted.
 */
export const load = (({ url, locals }) => {
	const typed = url.searchParams.get('code');
	const errors: Record<string, string> = {};
	if (typed === null) return { code: '', errors };
	const code = normalizeJoinCode(typed);
	if (code) redirect(303, paths.eventPublic(locals.lang, code));
	errors.code = 'events.errors.code_format';
	return { code: typed.slice(0, 20), errors };
}) satisfies PageServerLoad;

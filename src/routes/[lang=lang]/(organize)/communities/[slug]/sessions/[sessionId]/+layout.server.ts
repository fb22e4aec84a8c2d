import { requireSession } from '$lib/server/sessions/require-session';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals, params, parent }) => {
	const { community } = await parent();
	return { session: await requireSession(locals, community.id, params.sessionId) };
}) satisfies LayoutServerLoad;

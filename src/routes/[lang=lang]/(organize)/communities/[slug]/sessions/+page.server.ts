import { canRecordSessions } from '$lib/domain/sessions/records';
import { listSessions } from '$lib/server/sessions/list-sessions';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	return {
		sessions: await locals.asUser((tx) => listSessions(tx, community.id)),
		canRecord: canRecordSessions(community.role)
	};
}) satisfies PageServerLoad;

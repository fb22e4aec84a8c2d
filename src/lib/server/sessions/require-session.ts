import { error } from '@sveltejs/kit';
import { UUID } from '$lib/domain/sessions/records';
import { loadSession, type SessionRecord } from './load-session';

/**
 * A session record of the route's community as the signed-in member sees it, or a 404 page
 * (also when the id belongs to another community).
 */
export async function requireSession(
	locals: App.Locals,
	communityId: string,
	sessionId: string
): Promise<SessionRecord> {
	const session = UUID.test(sessionId)
		? await locals.asUser((tx) => loadSession(tx, sessionId))
		: null;
	if (!session || session.communityId !== communityId) error(404, 'not_found');
	return session;
}

import { error } from '@sveltejs/kit';
import { UUID } from '$lib/domain/sessions/records';
import { loadGuide, type Guide } from './load-guide';

/** A discussion guide of the route's community, or a 404 page. */
export async function requireGuide(
	locals: App.Locals,
	communityId: string,
	guideId: string
): Promise<Guide> {
	const guide = UUID.test(guideId) ? await locals.asUser((tx) => loadGuide(tx, guideId)) : null;
	if (!guide || guide.communityId !== communityId) error(404, 'not_found');
	return guide;
}

import { error } from '@sveltejs/kit';
import { getCommunity, type Community } from './get-community';

/** The community of a route's slug as the signed-in user sees it, or a 404 page. */
export async function requireCommunity(locals: App.Locals, slug: string): Promise<Community> {
	const community = await locals.asUser((tx) => getCommunity(tx, slug));
	if (!community) error(404, 'not_found');
	return community;
}

import { error } from '@sveltejs/kit';
import { localized } from '$lib/i18n';
import { loadPublicCommunity } from '$lib/server/reports/public-community';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const found = await locals.asUser((tx) => loadPublicCommunity(tx, params.slug));
	if (!found) error(404, 'not_found');
	return {
		name: localized(found.community.name, locals.lang),
		slug: found.community.slug,
		summary: found.summary,
		updates: found.updates,
		indicators: found.indicators,
		vision: found.vision && {
			statement: found.vision.statement,
			goals: found.vision.goals,
			open: found.vision.publication.open,
			publishedAt: found.vision.publication.publishedAt
		}
	};
}) satisfies PageServerLoad;

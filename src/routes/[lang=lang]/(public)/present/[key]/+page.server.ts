import { error } from '@sveltejs/kit';
import { findEventByCode } from '$lib/server/events/join-event';
import { presenterView } from '$lib/server/events/presenter-view';
import type { PageServerLoad } from './$types';

/** The presenter screen through its secret link, for a projector laptop nobody signs in on. */
export const load = (async ({ locals, params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	return {
		presenter: await locals.asUser(async (tx) => {
			const [row] = await tx.query<{ code: string | null }>(
				'select public.event_code_by_presenter_key($1) as code',
				[params.key]
			);
			const event = row?.code ? await findEventByCode(tx, row.code) : null;
			if (!event || !row.code) error(404, 'not_found');
			return presenterView({ ...event, joinCode: row.code }, url);
		})
	};
}) satisfies PageServerLoad;

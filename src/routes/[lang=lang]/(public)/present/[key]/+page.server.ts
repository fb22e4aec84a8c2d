import { error } from '@sveltejs/kit';
import { findEventByCode } from '$lib/server/events/join-event';
import { presenterView } from '$lib/server/events/presenter-view';
import type { PageServerLoad } from './$types';

/** The presenter screen through its secret link, for a projector laptop nobody signs in on. */
export const load = (async ({ locals, params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	const found = await locals.asUser(async (tx) => {
		const [row] = await tx.query<{ code: string | null }>(
			'select public.event_code_by_presenter_key($1) as code',
			[params.key]
		);
		const event = row?.code ? await findEventByCode(tx, row.code) : null;
		return event && row.code ? { ...event, joinCode: row.code } : null;
	});
	if (!found) error(404, 'not_found');
	// the live state is read outside the request's transaction (see eventLive)
	return { presenter: await presenterView(found, url) };
}) satisfies PageServerLoad;

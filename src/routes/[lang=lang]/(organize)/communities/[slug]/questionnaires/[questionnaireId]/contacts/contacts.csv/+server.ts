import { error, redirect } from '@sveltejs/kit';
import { toCsv } from '$lib/domain/results/csv';
import { canReadContactDetails } from '$lib/domain/builder/permissions';
import { translator } from '$lib/i18n';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { requireQuestionnaire } from '$lib/server/questionnaires/require-questionnaire';
import { listContactDetails } from '$lib/server/responses/list-contact-details';
import type { RequestHandler } from './$types';

/** The contact details residents left, as CSV in the page's language: owners only. */
export const GET = (async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, paths.signIn(locals.lang, url.pathname));
	const community = await requireCommunity(locals, params.slug);
	if (!canReadContactDetails(community.role)) error(403, 'not_allowed');
	const { meta } = await requireQuestionnaire(locals, community.id, params.questionnaireId);
	const contacts = await locals.asUser((tx) => listContactDetails(tx, meta.id));
	const t = translator(locals.lang);
	const rows = [
		['name', 'email', 'phone', 'language', 'consented_at'].map((column) =>
			t(`contact_details.columns.${column}`)
		),
		...contacts.map((contact) => [
			contact.name ?? '',
			contact.email ?? '',
			contact.phone ?? '',
			contact.language,
			new Date(contact.consentedAt).toISOString()
		])
	];
	const filename = `${community.slug}-${meta.slug}-contacts`.replace(/[^a-z0-9-]+/gi, '-');
	return new Response(toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}.csv"`,
			'cache-control': 'no-store'
		}
	});
}) satisfies RequestHandler;

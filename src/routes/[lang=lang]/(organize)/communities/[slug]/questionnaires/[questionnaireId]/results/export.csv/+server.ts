import { redirect } from '@sveltejs/kit';
import { exportRows, toCsv } from '$lib/domain/results/csv';
import { isFiltered } from '$lib/domain/results/filters';
import { isLang, translator } from '$lib/i18n';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { responsesForExport } from '$lib/server/questionnaires/questionnaire-results';
import { resultsContext } from '$lib/server/questionnaires/results-context';
import type { RequestHandler } from './$types';

/**
 * The responses of the current view as CSV (?lang=en|fr, &demographics=1, and the results
 * page's filters): one row per response, never contact details; refused for a group that the
 * results page would not show.
 */
export const GET = (async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, paths.signIn(locals.lang, url.pathname + url.search));
	const community = await requireCommunity(locals, params.slug);
	const { meta, questions, filter } = await resultsContext(
		locals,
		community,
		params.questionnaireId,
		url
	);
	const requested = url.searchParams.get('lang');
	const lang = isLang(requested) ? requested : locals.lang;
	const outcome = await locals.asUser((tx) =>
		responsesForExport(tx, { questionnaireId: meta.id, filter, k: community.suppressionK })
	);
	if (!outcome.ok) {
		const t = translator(locals.lang);
		const message =
			outcome.reason === 'role'
				? t('results.export_refused_role')
				: t('results.export_refused_small', { k: outcome.k });
		return new Response(message, {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	}
	const rows = exportRows(questions, outcome.responses, {
		lang,
		demographics: url.searchParams.get('demographics') === '1'
	});
	const filename = [
		community.slug,
		meta.slug,
		lang === 'fr' ? 'resultats' : 'results',
		...(isFiltered(filter) ? [lang === 'fr' ? 'filtres' : 'filtered'] : [])
	]
		.join('-')
		.replace(/[^a-z0-9-]+/gi, '-');
	return new Response(toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}.csv"`,
			'cache-control': 'no-store'
		}
	});
}) satisfies RequestHandler;

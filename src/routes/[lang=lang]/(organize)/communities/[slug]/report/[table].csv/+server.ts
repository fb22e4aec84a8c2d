import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { reportTableRows, reportTables } from '$lib/domain/reports/tables';
import { toCsv } from '$lib/domain/results/csv';
import { canCode } from '$lib/server/coding/permissions';
import { requireCommunity } from '$lib/server/communities/require-community';
import { reportData } from '$lib/server/reports/report-data';
import type { RequestHandler } from './$types';

/** One aggregate table of the report as CSV (formula-safe, suppressed as on the page). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const table = z.enum(reportTables).safeParse(params.table);
	if (!table.success) error(404, 'not_found');
	const community = await requireCommunity(locals, params.slug);
	if (!canCode(community.role)) error(403, 'not_allowed');
	const data = await locals.asUser((tx) => reportData(tx, community));
	if (!data) error(403, 'not_allowed');
	const csv = toCsv(reportTableRows(data, table.data, locals.lang));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${community.slug}-${table.data}-${locals.lang}.csv"`,
			'cache-control': 'no-store'
		}
	});
};

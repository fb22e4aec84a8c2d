import { codebookRows } from '$lib/domain/coding/codebook';
import { toCsv } from '$lib/domain/results/csv';
import { requireCommunity } from '$lib/server/communities/require-community';
import { listThemes } from '$lib/server/coding/list-themes';
import { requireCoder } from '$lib/server/coding/permissions';
import type { RequestHandler } from './$types';

/** The codebook as CSV, in the columns the import reads back. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const community = await requireCommunity(locals, params.slug);
	requireCoder(community);
	const themes = await locals.asUser((tx) => listThemes(tx, community.id));
	return new Response(toCsv(codebookRows(themes)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${community.slug}-codebook.csv"`
		}
	});
};

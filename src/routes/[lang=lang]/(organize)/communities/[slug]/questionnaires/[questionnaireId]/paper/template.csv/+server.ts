import Papa from 'papaparse';
import { questionCode } from '$lib/domain/responses/paper-import';
import { requireCommunity } from '$lib/server/communities/require-community';
import { requireQuestionnaire } from '$lib/server/questionnaires/require-questionnaire';
import type { RequestHandler } from './$types';

/** A sheet to type paper responses into: the question codes of the printed form as headings. */
export const GET = (async ({ locals, params }) => {
	const community = await requireCommunity(locals, params.slug);
	const { meta, definition } = await requireQuestionnaire(
		locals,
		community.id,
		params.questionnaireId
	);
	const questions = definition.sections.flatMap((section) => section.questions);
	const csv = Papa.unparse([questions.map((_, i) => questionCode(i))]);
	return new Response(`\uFEFF${csv}\r\n`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${meta.slug}-paper-template.csv"`
		}
	});
}) satisfies RequestHandler;

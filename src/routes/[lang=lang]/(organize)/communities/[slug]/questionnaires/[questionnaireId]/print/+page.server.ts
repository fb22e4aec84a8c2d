import { requireQuestionnaire } from '$lib/server/questionnaires/require-questionnaire';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, parent }) => {
	const { community } = await parent();
	const { meta, definition } = await requireQuestionnaire(
		locals,
		community.id,
		params.questionnaireId
	);
	return { questionnaire: meta, definition };
}) satisfies PageServerLoad;

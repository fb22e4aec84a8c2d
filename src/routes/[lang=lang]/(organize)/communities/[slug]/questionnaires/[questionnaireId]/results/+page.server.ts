import { demographicDimension } from '$lib/domain/questionnaires';
import { filterableDimensions } from '$lib/domain/results/filters';
import { questionnaireResults } from '$lib/server/questionnaires/questionnaire-results';
import { resultsContext } from '$lib/server/questionnaires/results-context';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, parent, url }) => {
	const { community } = await parent();
	const { meta, questions, filter } = await resultsContext(
		locals,
		community,
		params.questionnaireId,
		url
	);
	const results = await locals.asUser((tx) =>
		questionnaireResults(tx, {
			questionnaireId: meta.id,
			questions,
			filter,
			k: community.suppressionK
		})
	);
	return {
		questionnaire: { id: meta.id, slug: meta.slug, title: meta.title, status: meta.status },
		dimensions: filterableDimensions(questions).map(({ dimension, options }) => ({
			dimension,
			label: demographicDimension(dimension).label,
			options
		})),
		filter,
		results
	};
}) satisfies PageServerLoad;

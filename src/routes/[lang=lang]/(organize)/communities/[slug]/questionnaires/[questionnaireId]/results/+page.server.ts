import { demographicDimension } from '$lib/domain/questionnaires';
import { filterableDimensions } from '$lib/domain/results/filters';
import { questionnaireResults } from '$lib/server/questionnaires/questionnaire-results';
import { resultsContext } from '$lib/server/questionnaires/results-context';
import { weightedResults } from '$lib/server/questionnaires/weighted-results';
import { listPopulationBaselines } from '$lib/server/representation/list-population-baselines';
import { parseWeighting, weightableDimensions } from '$lib/domain/weighting/choice';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, parent, url }) => {
	const { community } = await parent();
	const { meta, questions, filter } = await resultsContext(
		locals,
		community,
		params.questionnaireId,
		url
	);
	const { results, weightable, weighting, weighted } = await locals.asUser(async (tx) => {
		const results = await questionnaireResults(tx, {
			questionnaireId: meta.id,
			questions,
			filter,
			k: community.suppressionK
		});
		const baselines = await listPopulationBaselines(tx, community.id);
		const weightable = weightableDimensions(
			questions,
			baselines.map((b) => b.dimension)
		);
		const weighting = parseWeighting(url.searchParams, weightable);
		// Weighted beside raw only where the raw view itself may be shown.
		const weighted =
			weighting.length && results.allowed && results.view.shown && results.view.responses > 0
				? await weightedResults(tx, {
						questionnaireId: meta.id,
						questions,
						filter,
						dimensions: weighting,
						baselines,
						k: community.suppressionK
					})
				: null;
		return { results, weightable, weighting, weighted };
	});
	return {
		questionnaire: { id: meta.id, slug: meta.slug, title: meta.title, status: meta.status },
		dimensions: filterableDimensions(questions).map(({ dimension, options }) => ({
			dimension,
			label: demographicDimension(dimension).label,
			options
		})),
		filter,
		results,
		weighting: {
			available: weightable.map((dimension) => ({
				dimension,
				label: demographicDimension(dimension).label
			})),
			chosen: weighting,
			outcome: weighted
		}
	};
}) satisfies PageServerLoad;

import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import {
	demographicDimensionKeys,
	demographicOptions,
	PREFER_NOT_TO_SAY
} from '$lib/domain/questionnaires/demographics';
import { formError, formValues } from '$lib/domain/validation';
import { requireCommunity } from '$lib/server/communities/require-community';
import { areaOfResidenceOptions } from '$lib/server/representation/area-options';
import { deletePopulationBaseline } from '$lib/server/representation/delete-population-baseline';
import { listPopulationBaselines } from '$lib/server/representation/list-population-baselines';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	const { baselines, areas } = await locals.asUser(async (tx) => ({
		baselines: await listPopulationBaselines(tx, community.id),
		areas: await areaOfResidenceOptions(tx, community.id)
	}));
	return {
		// each baseline with its groups in the dimension's option order, labelled
		baselines: baselines.map((baseline) => {
			const options = demographicOptions(baseline.dimension, areas).filter(
				(option) => option.value !== PREFER_NOT_TO_SAY
			);
			// an area the organizer has since removed from the question still shows, by its value
			const gone = Object.keys(baseline.counts)
				.filter((value) => !options.some((option) => option.value === value))
				.map((value) => ({ value, label: { en: value, fr: value } }));
			return {
				...baseline,
				groups: [...options, ...gone].map((option) => ({
					...option,
					count: baseline.counts[option.value] ?? null
				}))
			};
		}),
		dimensions: demographicDimensionKeys,
		canRead: community.role !== 'volunteer',
		canEdit: community.role === 'owner' || community.role === 'organizer'
	};
}) satisfies PageServerLoad;

export const actions = {
	delete: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const parsed = z
			.object({ dimension: z.enum(demographicDimensionKeys) })
			.safeParse(formValues(await request.formData()));
		if (!parsed.success) return fail(400, { errors: formError('baselines.errors.bad_request') });
		const deleted = await locals.asUser((tx) =>
			deletePopulationBaseline(tx, community.id, parsed.data.dimension)
		);
		if (!deleted) return fail(403, { errors: formError('baselines.errors.not_allowed') });
		return { deleted: parsed.data.dimension };
	}
} satisfies Actions;

import { fail, redirect } from '@sveltejs/kit';
import {
	demographicDimensionKeys,
	demographicOptions,
	isDemographicDimension,
	PREFER_NOT_TO_SAY,
	type DemographicDimension
} from '$lib/domain/questionnaires/demographics';
import { manualBaselineSchema } from '$lib/domain/representation/baseline-forms';
import { formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { areaOfResidenceOptions } from '$lib/server/representation/area-options';
import { listPopulationBaselines } from '$lib/server/representation/list-population-baselines';
import { savePopulationBaselines } from '$lib/server/representation/save-population-baselines';
import type { Tx } from '$lib/server/db/types';
import type { Actions, PageServerLoad } from './$types';

/** The groups a dimension's baseline is entered for: its options, without prefer_not_to_say. */
async function groupsOf(tx: Tx, communityId: string, dimension: DemographicDimension) {
	const custom =
		dimension === 'area_of_residence' ? await areaOfResidenceOptions(tx, communityId) : [];
	return demographicOptions(dimension, custom).filter(
		(option) => option.value !== PREFER_NOT_TO_SAY
	);
}

export const load = (async ({ locals, parent, url }) => {
	const { community } = await parent();
	const asked = url.searchParams.get('dimension');
	const dimension: DemographicDimension = isDemographicDimension(asked) ? asked : 'disability';
	const { groups, baselines } = await locals.asUser(async (tx) => ({
		groups: await groupsOf(tx, community.id, dimension),
		baselines: await listPopulationBaselines(tx, community.id)
	}));
	return {
		dimension,
		dimensions: demographicDimensionKeys,
		groups,
		current: baselines.find((baseline) => baseline.dimension === dimension) ?? null,
		canEdit: community.role === 'owner' || community.role === 'organizer'
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		const dimension = values.dimension;
		if (!isDemographicDimension(dimension))
			return fail(400, { errors: formError('baselines.errors.bad_request'), values });
		if (community.role !== 'owner' && community.role !== 'organizer')
			return fail(403, { errors: formError('baselines.errors.not_allowed'), values });
		const groups = await locals.asUser((tx) => groupsOf(tx, community.id, dimension));
		if (groups.length === 0)
			return fail(400, { errors: formError('baselines.errors.no_groups'), values });
		const parsed = manualBaselineSchema(groups.map((group) => group.value)).safeParse({
			dimension,
			counts: Object.fromEntries(groups.map((g) => [g.value, values[`counts.${g.value}`] ?? ''])),
			year: values.year ?? '',
			sourceLabel: values.sourceLabel ?? '',
			geography: values.geography ?? ''
		});
		if (!parsed.success) return fail(400, { errors: nestedFieldErrors(parsed.error), values });
		const { geography, ...baseline } = parsed.data;
		await locals.asUser((tx) =>
			savePopulationBaselines(tx, community.id, locals.user?.id ?? null, [
				{
					...baseline,
					source: 'manual',
					geography: geography ? [{ code: '', name: geography }] : []
				}
			])
		);
		redirect(303, `${paths.baselines(locals.lang, community.slug)}?saved=${dimension}`);
	}
} satisfies Actions;

import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { indicatorValueForm } from '$lib/domain/actions/forms';
import { canMeasure } from '$lib/domain/actions/roles';
import { formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { listIndicators } from '$lib/server/actions/list-indicators';
import { recordIndicatorValue } from '$lib/server/actions/record-indicator-value';
import { requireCommunity } from '$lib/server/communities/require-community';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load = (async ({ locals, parent, params }) => {
	const { community } = await parent();
	if (!uuid.safeParse(params.indicatorId).success) error(404, 'not_found');
	const [indicator] = await locals.asUser((tx) =>
		listIndicators(tx, community.id, { areaId: params.areaId, indicatorId: params.indicatorId })
	);
	if (!indicator) error(404, 'not_found');
	return { indicator, canMeasure: canMeasure(community.role) };
}) satisfies PageServerLoad;

export const actions = {
	record: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		if (!uuid.safeParse(params.indicatorId).success) error(404, 'not_found');
		const parsed = indicatorValueForm.safeParse(values);
		if (!parsed.success) return fail(400, { errors: nestedFieldErrors(parsed.error), values });
		const result = await locals.asUser((tx) =>
			recordIndicatorValue(tx, community.id, params.indicatorId, parsed.data)
		);
		if (!result.ok) return fail(400, { errors: formError(result.error), values });
		return { done: true };
	}
} satisfies Actions;

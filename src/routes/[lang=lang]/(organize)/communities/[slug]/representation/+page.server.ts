import { fail } from '@sveltejs/kit';
import { demographicDimension } from '$lib/domain/questionnaires';
import { parseDashboardFilter } from '$lib/domain/representation/dashboard';
import { thresholdForm } from '$lib/domain/representation/settings';
import { fieldErrors, formError, formValues } from '$lib/domain/validation';
import { requireCommunity } from '$lib/server/communities/require-community';
import { listQuestionnaires } from '$lib/server/questionnaires/list-questionnaires';
import { representationDashboard } from '$lib/server/representation/representation-dashboard';
import { setRepresentationThreshold } from '$lib/server/representation/set-representation-threshold';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent, url, depends }) => {
	// The page's script re-runs this load every little while, so it follows responses as they arrive.
	depends('app:representation');
	const { community } = await parent();
	const filter = parseDashboardFilter(url.searchParams);
	const { outcome, questionnaires } = await locals.asUser(async (tx) => ({
		outcome: await representationDashboard(tx, community.id, filter),
		questionnaires: await listQuestionnaires(tx, community.id)
	}));
	return {
		filter,
		outcome,
		questionnaires: questionnaires.map(({ id, title }) => ({ id, title })),
		labels: Object.fromEntries(
			(outcome.allowed && outcome.dashboard.shown ? outcome.dashboard.dimensions : []).map((d) => {
				const spec = demographicDimension(d.key);
				return [
					d.key,
					{
						label: spec.label,
						options: Object.fromEntries(spec.options.map((o) => [o.value, o.label]))
					}
				];
			})
		),
		canSetThreshold: community.role === 'owner',
		updatedAt: new Date()
	};
}) satisfies PageServerLoad;

export const actions = {
	threshold: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		const parsed = thresholdForm.safeParse(values);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values });
		const result = await locals.asUser((tx) =>
			setRepresentationThreshold(tx, community.id, parsed.data.threshold)
		);
		if (result === 'not_owner')
			return fail(403, { errors: formError('representation.errors.not_owner'), values });
		return { saved: true };
	}
} satisfies Actions;

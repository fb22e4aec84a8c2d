import { fail, redirect } from '@sveltejs/kit';
import { createRoundForm, createRoundInput } from '$lib/domain/voting/forms';
import { canReadVoteResults, canRunVotes } from '$lib/domain/voting/permissions';
import { formError, formValues, nestedFieldErrors, type FieldErrors } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { createRound } from '$lib/server/voting/create-round';
import { listRounds } from '$lib/server/voting/list-rounds';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	const [rounds, [areas]] = await locals.asUser((tx) =>
		Promise.all([
			listRounds(tx, community.id),
			tx.query<{ count: number }>(
				'select count(*)::int as count from public.priority_areas where community_id = $1',
				[community.id]
			)
		])
	);
	return {
		rounds,
		priorityAreas: areas.count,
		canEdit: canRunVotes(community.role),
		canReadResults: canReadVoteResults(community.role)
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		const parsed = createRoundForm.safeParse(createRoundInput(values));
		if (!parsed.success) return fail(400, { errors: nestedFieldErrors(parsed.error), values });
		const result = await locals.asUser((tx) =>
			createRound(tx, { communityId: community.id, ...parsed.data })
		);
		if (!result.ok)
			return 'field' in result
				? fail(400, { errors: { [result.field]: result.error } as FieldErrors, values })
				: fail(403, { errors: formError(result.error), values });
		redirect(303, paths.voteRound(locals.lang, community.slug, result.id));
	}
} satisfies Actions;

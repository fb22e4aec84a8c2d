import { fail, redirect } from '@sveltejs/kit';
import { createQuestionnaireForm, createQuestionnaireInput } from '$lib/domain/builder/forms';
import { canEditQuestionnaires, canReadResponses } from '$lib/domain/builder/permissions';
import { formError, formValues, nestedFieldErrors, type FieldErrors } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { createQuestionnaire } from '$lib/server/questionnaires/create-questionnaire';
import { listQuestionnaires } from '$lib/server/questionnaires/list-questionnaires';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	return {
		questionnaires: await locals.asUser((tx) => listQuestionnaires(tx, community.id)),
		canEdit: canEditQuestionnaires(community.role),
		canReadResponses: canReadResponses(community.role)
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		const parsed = createQuestionnaireForm.safeParse(createQuestionnaireInput(values));
		if (!parsed.success) return fail(400, { errors: nestedFieldErrors(parsed.error), values });
		const result = await locals.asUser((tx) =>
			createQuestionnaire(tx, { communityId: community.id, ...parsed.data })
		);
		if (!result.ok)
			return 'field' in result
				? fail(400, { errors: { [result.field]: result.error } as FieldErrors, values })
				: fail(403, { errors: formError(result.error), values });
		redirect(303, paths.questionnaire(locals.lang, community.slug, result.id));
	}
} satisfies Actions;

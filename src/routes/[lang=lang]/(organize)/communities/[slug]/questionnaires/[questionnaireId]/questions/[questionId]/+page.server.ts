import { error, fail, redirect } from '@sveltejs/kit';
import { findQuestion } from '$lib/domain/builder/arrangement';
import { conditionTargets } from '$lib/domain/builder/describe';
import { formFromQuestion } from '$lib/domain/builder/question-form';
import { canEditQuestionnaires } from '$lib/domain/builder/permissions';
import { demographicDimensions } from '$lib/domain/questionnaires';
import { formError, formValues } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { requireBuilderState } from '$lib/server/questionnaires/require-builder-state';
import { saveQuestion } from '$lib/server/questionnaires/save-question';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, parent }) => {
	const { community } = await parent();
	const { meta, definition, responses } = await requireBuilderState(
		locals,
		community,
		params.questionnaireId
	);
	const found = findQuestion(definition, params.questionId);
	if (!found) error(404, 'not_found');
	return {
		questionnaire: { id: meta.id, title: meta.title, status: meta.status },
		question: {
			id: found.question.id,
			type: found.question.type,
			number: found.index + 1,
			section: found.sectionIndex + 1
		},
		stored: formFromQuestion(found.question),
		answered: responses > 0,
		canEdit: canEditQuestionnaires(community.role),
		targets: conditionTargets(definition, found.question.id, locals.lang),
		dimensions: demographicDimensions.map((spec) => ({
			value: spec.key,
			label: spec.label[locals.lang],
			organizerOptions: spec.organizerOptions
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const { questionnaireId, questionId } = params;
		await requireBuilderState(locals, community, questionnaireId);
		const values = formValues(await request.formData());
		const result = await locals.asUser((tx) =>
			saveQuestion(tx, { questionnaireId, questionId, values })
		);
		if (result.ok) {
			const editor = paths.questionnaire(locals.lang, community.slug, questionnaireId);
			redirect(303, `${editor}?saved=${questionId}#question-${questionId}`);
		}
		if ('errors' in result) return fail(400, { errors: result.errors, values });
		if ('meaningChanges' in result)
			return fail(400, { meaningChanges: result.meaningChanges, values });
		const status = result.error === 'builder.errors.not_allowed' ? 403 : 404;
		return fail(status, { errors: formError(result.error), values });
	}
} satisfies Actions;

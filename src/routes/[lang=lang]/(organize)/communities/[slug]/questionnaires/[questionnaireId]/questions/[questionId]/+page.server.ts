import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { findQuestion } from '$lib/domain/builder/arrangement';
import { conditionTargets } from '$lib/domain/builder/describe';
import { moveOptionForm, moveOptionRow } from '$lib/domain/builder/option-order';
import { formFromQuestion, type FormRecord } from '$lib/domain/builder/question-form';
import { canEditQuestionnaires } from '$lib/domain/builder/permissions';
import { demographicDimensions } from '$lib/domain/questionnaires';
import { formError, formValues } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { requireBuilderState } from '$lib/server/questionnaires/require-builder-state';
import { saveQuestion } from '$lib/server/questionnaires/save-question';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

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

/** Saves the posted form (see saveQuestion): null when saved, else the page's answer. */
async function save(
	event: RequestEvent,
	values: FormRecord
): Promise<ActionFailure<Record<string, unknown>> | null> {
	const { locals, params } = event;
	const community = await requireCommunity(locals, params.slug);
	const { questionnaireId, questionId } = params;
	await requireBuilderState(locals, community, questionnaireId);
	const result = await locals.asUser((tx) =>
		saveQuestion(tx, { questionnaireId, questionId, values })
	);
	if (result.ok) return null;
	if ('errors' in result) return fail(400, { errors: result.errors, values });
	if ('meaningChanges' in result)
		return fail(400, { meaningChanges: result.meaningChanges, values });
	const status = result.error === 'builder.errors.not_allowed' ? 403 : 404;
	return fail(status, { errors: formError(result.error), values });
}

// Named actions only: SvelteKit refuses a default action beside named ones.
export const actions = {
	save: async (event) => {
		const refused = await save(event, formValues(await event.request.formData()));
		if (refused) return refused;
		const { lang } = event.locals;
		const { slug, questionnaireId, questionId } = event.params;
		const editor = paths.questionnaire(lang, slug, questionnaireId);
		redirect(303, `${editor}?saved=${questionId}#question-${questionId}`);
	},

	/** Moves an option up or down and saves the question with everything else typed so far. */
	moveOption: async (event) => {
		const values = formValues(await event.request.formData());
		const parsed = moveOptionForm.safeParse(values);
		const moved = parsed.success ? moveOptionRow(values, parsed.data.moveOption) : null;
		if (!moved) return fail(400, { errors: formError('option_order.cannot_move'), values });
		return (await save(event, moved.values)) ?? { moved: { position: moved.position } };
	}
} satisfies Actions;

import { fail, redirect } from '@sveltejs/kit';
import { dayOf, lastDayBefore } from '$lib/domain/builder/dates';
import { conditionTargets, describeCondition, inLanguage } from '$lib/domain/builder/describe';
import {
	addQuestionForm,
	itemForm,
	moveForm,
	questionForm,
	questionnaireSettingsForm,
	questionnaireSettingsInput,
	questionnaireSlugForm,
	sectionForm,
	type StatusAction
} from '$lib/domain/builder/forms';
import {
	canEditQuestionnaires,
	canReadContactDetails,
	canReadResponses
} from '$lib/domain/builder/permissions';
import { fieldErrors, formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { addQuestion } from '$lib/server/questionnaires/add-question';
import { addSection } from '$lib/server/questionnaires/add-section';
import { changeQuestionnaireSlug } from '$lib/server/questionnaires/change-questionnaire-slug';
import type { Refusal } from '$lib/server/questionnaires/builder-state';
import { deleteItem } from '$lib/server/questionnaires/delete-item';
import { duplicateQuestion } from '$lib/server/questionnaires/duplicate-question';
import { moveItem } from '$lib/server/questionnaires/move-item';
import { requireBuilderState } from '$lib/server/questionnaires/require-builder-state';
import { setQuestionnaireStatus } from '$lib/server/questionnaires/set-questionnaire-status';
import { updateQuestionnaire } from '$lib/server/questionnaires/update-questionnaire';
import { updateSection } from '$lib/server/questionnaires/update-section';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = (async ({ locals, params, parent, url }) => {
	const { community } = await parent();
	const { meta, definition, responses } = await requireBuilderState(
		locals,
		community,
		params.questionnaireId
	);
	const lang = locals.lang;
	const conditionText = (condition: Parameters<typeof describeCondition>[1] | undefined) =>
		condition ? describeCondition(definition, condition, lang) : undefined;
	return {
		questionnaire: meta,
		responses,
		/** the question just saved in its editor, which sends people back here */
		saved: url.searchParams.get('saved'),
		canEdit: canEditQuestionnaires(community.role),
		canReadResponses: canReadResponses(community.role),
		canReadContactDetails: canReadContactDetails(community.role),
		settings: {
			'title.en': meta.title.en,
			'title.fr': meta.title.fr,
			'intro.en': meta.intro.en,
			'intro.fr': meta.intro.fr,
			opensOn: meta.opensAt ? dayOf(meta.opensAt) : '',
			closesOn: meta.closesAt ? lastDayBefore(meta.closesAt) : '',
			...(meta.offersContact ? { offersContact: 'on' } : {})
		},
		sections: definition.sections.map((section, s) => ({
			id: section.id,
			number: s + 1,
			title: inLanguage(section.title, lang),
			values: {
				'title.en': section.title.en,
				'title.fr': section.title.fr,
				'condition.questionId': section.condition?.questionId ?? '',
				'condition.operator': section.condition?.operator ?? '',
				'condition.value': section.condition ? String(section.condition.value) : ''
			},
			condition: conditionText(section.condition),
			targets: conditionTargets(definition, section.id, lang),
			questions: section.questions.map((question, q) => ({
				id: question.id,
				number: q + 1,
				prompt: inLanguage(question.prompt, lang),
				type: question.type,
				required: question.required ?? false,
				condition: conditionText(question.condition)
			}))
		}))
	};
}) satisfies PageServerLoad;

/** The community and questionnaire the route names, checked as the page's load checks them. */
async function context({ locals, params }: RequestEvent) {
	const community = await requireCommunity(locals, params.slug);
	await requireBuilderState(locals, community, params.questionnaireId);
	return { community, questionnaireId: params.questionnaireId };
}

function refused(action: string, result: Refusal, extra: Record<string, unknown> = {}) {
	const status = result.error === 'builder.errors.not_allowed' ? 403 : 400;
	return fail(status, { action, errors: formError(result.error), ...extra });
}

async function changeStatus(event: RequestEvent, action: StatusAction) {
	const { questionnaireId } = await context(event);
	const result = await event.locals.asUser((tx) =>
		setQuestionnaireStatus(tx, { questionnaireId, action }, event.locals.lang)
	);
	if (result.ok) return { action, done: true };
	if ('problems' in result) return fail(400, { action, problems: result.problems });
	return refused(action, result);
}

export const actions = {
	settings: async (event) => {
		const { questionnaireId } = await context(event);
		const values = formValues(await event.request.formData());
		const parsed = questionnaireSettingsForm.safeParse(questionnaireSettingsInput(values));
		if (!parsed.success)
			return fail(400, { action: 'settings', errors: nestedFieldErrors(parsed.error), values });
		const result = await event.locals.asUser((tx) =>
			updateQuestionnaire(tx, { questionnaireId, ...parsed.data })
		);
		return result.ok ? { action: 'settings', done: true } : refused('settings', result, { values });
	},

	slug: async (event) => {
		const { questionnaireId } = await context(event);
		const values = formValues(await event.request.formData());
		const parsed = questionnaireSlugForm.safeParse(values);
		if (!parsed.success)
			return fail(400, { action: 'slug', errors: fieldErrors(parsed.error), values });
		const result = await event.locals.asUser((tx) =>
			changeQuestionnaireSlug(tx, { questionnaireId, slug: parsed.data.slug })
		);
		if (result.ok) return { action: 'slug', done: true };
		if ('field' in result)
			return fail(400, { action: 'slug', errors: { slug: result.error }, values });
		return refused('slug', result, { values });
	},

	addSection: async (event) => {
		const { questionnaireId } = await context(event);
		const result = await event.locals.asUser((tx) => addSection(tx, { questionnaireId }));
		return result.ok ? { action: 'addSection', done: true } : refused('addSection', result);
	},

	updateSection: async (event) => {
		const { questionnaireId } = await context(event);
		const values = formValues(await event.request.formData());
		const parsed = sectionForm.safeParse(values);
		if (!parsed.success)
			return fail(400, { action: 'updateSection', errors: fieldErrors(parsed.error) });
		const { sectionId } = parsed.data;
		const result = await event.locals.asUser((tx) =>
			updateSection(tx, { questionnaireId, sectionId, values })
		);
		if (result.ok) return { action: 'updateSection', done: true };
		if ('errors' in result)
			return fail(400, { action: 'updateSection', sectionId, errors: result.errors, values });
		return refused('updateSection', result, { sectionId, values });
	},

	addQuestion: async (event) => {
		const { community, questionnaireId } = await context(event);
		const parsed = addQuestionForm.safeParse(formValues(await event.request.formData()));
		if (!parsed.success)
			return fail(400, { action: 'addQuestion', errors: fieldErrors(parsed.error) });
		const result = await event.locals.asUser((tx) =>
			addQuestion(tx, { questionnaireId, ...parsed.data })
		);
		if (!result.ok) return refused('addQuestion', result);
		redirect(
			303,
			paths.questionEditor(event.locals.lang, community.slug, questionnaireId, result.id)
		);
	},

	move: async (event) => {
		const { questionnaireId } = await context(event);
		const parsed = moveForm.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { action: 'move', errors: fieldErrors(parsed.error) });
		const result = await event.locals.asUser((tx) =>
			moveItem(tx, { questionnaireId, ...parsed.data })
		);
		return result.ok ? { action: 'move', done: true } : refused('move', result);
	},

	duplicate: async (event) => {
		const { questionnaireId } = await context(event);
		const parsed = questionForm.safeParse(formValues(await event.request.formData()));
		if (!parsed.success)
			return fail(400, { action: 'duplicate', errors: fieldErrors(parsed.error) });
		const result = await event.locals.asUser((tx) =>
			duplicateQuestion(tx, { questionnaireId, ...parsed.data })
		);
		return result.ok ? { action: 'duplicate', done: true } : refused('duplicate', result);
	},

	delete: async (event) => {
		const { questionnaireId } = await context(event);
		const parsed = itemForm.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { action: 'delete', errors: fieldErrors(parsed.error) });
		const result = await event.locals.asUser((tx) =>
			deleteItem(tx, { questionnaireId, ...parsed.data })
		);
		return result.ok ? { action: 'delete', done: true } : refused('delete', result);
	},

	publish: (event) => changeStatus(event, 'publish'),
	close: (event) => changeStatus(event, 'close'),
	reopen: (event) => changeStatus(event, 'reopen')
} satisfies Actions;

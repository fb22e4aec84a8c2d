import { fail } from '@sveltejs/kit';
import { formatReceipt, normalizeReceipt } from '$lib/domain/responses/receipt';
import {
	deleteResponseByReceipt,
	responseByReceipt
} from '$lib/server/questionnaires/response-by-receipt';
import { surveyQuestionnaire } from '$lib/server/survey/questionnaire';
import { readableAnswers } from '$lib/server/survey/readable';
import { inLang } from '$lib/server/survey/view';
import type { Action, Actions, PageServerLoad } from './$types';

// Rendered on the server only, like the questionnaire's page, whose script it shares.
export const csr = false;

export const load = (async ({ locals, params }) => {
	const { loaded, definition } = await surveyQuestionnaire(locals, params.slug);
	return {
		slug: loaded.meta.slug,
		title: inLang(definition.title, locals.lang) ?? loaded.meta.slug,
		isOpen: loaded.meta.isOpen
	};
}) satisfies PageServerLoad;

type Event = Parameters<Action>[0];

/**
 * The response the posted code opens, with its questionnaire, or a failure saying the code opens
 * nothing here (mistyped, deleted, or the questionnaire closed).
 */
async function lookUp({ request, locals, params }: Event) {
	const { loaded, definition } = await surveyQuestionnaire(locals, params.slug);
	const typed = (await request.formData()).get('receipt');
	const values = { receipt: typeof typed === 'string' ? typed.slice(0, 40) : '' };
	const code = normalizeReceipt(values.receipt);
	if (!code)
		return { failure: fail(400, { errors: { receipt: 'survey.receipt.format' }, values }) };
	const stored = await locals.asUser((tx) => responseByReceipt(tx, code));
	if (!stored || stored.questionnaireId !== loaded.meta.id)
		return { failure: fail(400, { errors: { receipt: 'survey.receipt.not_found' }, values }) };
	return { code, stored, definition, lang: locals.lang };
}

export const actions = {
	/** Shows the answers a receipt code opens. */
	show: async (event) => {
		const found = await lookUp(event);
		if ('failure' in found) return found.failure;
		const { code, stored, definition, lang } = found;
		return {
			receipt: formatReceipt(code),
			answers: readableAnswers(definition, lang, stored.answers, stored.demographics)
		};
	},

	/** First step of a deletion: asks to confirm (works without JavaScript). */
	confirm: async (event) => {
		const found = await lookUp(event);
		if ('failure' in found) return found.failure;
		return { receipt: formatReceipt(found.code), confirm: true };
	},

	delete: async (event) => {
		const found = await lookUp(event);
		if ('failure' in found) return found.failure;
		const deleted = await event.locals.asUser((tx) => deleteResponseByReceipt(tx, found.code));
		if (!deleted)
			return fail(400, {
				errors: { receipt: 'survey.receipt.not_found' },
				values: { receipt: formatReceipt(found.code) }
			});
		return { deleted: true };
	}
} satisfies Actions;

import { fail } from '@sveltejs/kit';
import {
	answersFromForm,
	formFromAnswers,
	type Answers,
	type Demographics,
	type QuestionnaireDefinition
} from '$lib/domain/questionnaires';
import { contactFromForm, type ContactValues } from '$lib/domain/responses/contact';
import { formatReceipt, newReceiptCode, normalizeReceipt } from '$lib/domain/responses/receipt';
import { responseByReceipt } from '$lib/server/questionnaires/response-by-receipt';
import { submitGrouped, type GroupedOutcome } from '$lib/server/questionnaires/submit-grouped';
import { submissionRefusal } from '$lib/server/questionnaires/submit-response';
import {
	firstSection,
	newState,
	shownOnScreen,
	stateFromForm,
	step,
	type Step
} from '$lib/server/survey/flow';
import { availability, surveyQuestionnaire } from '$lib/server/survey/questionnaire';
import { acceptedAnswers, readableAnswers } from '$lib/server/survey/readable';
import { surveyView } from '$lib/server/survey/view';
import { isKiosk } from '$lib/answer/kiosk';
import { surveyChannel } from '$lib/server/events/event-channel';
import type { SurveyState } from '$lib/answer/view';
import type { Lang } from '$lib/i18n/languages';
import type { Action, Actions, PageServerLoad } from './$types';

// No SvelteKit client on the residents' pages: the server renders every screen and one small
// module ($lib/answer/enhance.ts, loaded by the page) enhances it. See the performance budget
// in bench/survey-page.js.
export const csr = false;

export const load = (async ({ locals, params, setHeaders, url }) => {
	// The page carries a response id and receipt code of its own: a shared cache must never
	// hand the same ones to two people.
	setHeaders({ 'cache-control': 'no-store' });
	const { loaded, definition } = await surveyQuestionnaire(locals, params.slug);
	const open = availability(loaded.meta);
	const survey = surveyView(loaded.meta.slug, definition, locals.lang);
	return {
		// Only the title of a questionnaire that is not taking answers.
		survey: open === 'open' ? survey : { slug: survey.slug, title: survey.title, sections: [] },
		state: newState(definition),
		availability: open,
		/** a shared tablet: see $lib/answer/kiosk */
		kiosk: isKiosk(url.searchParams),
		opensAt: loaded.meta.opensAt ? new Date(loaded.meta.opensAt).toISOString() : null,
		/** the last screen offers to leave contact details */
		offersContact: loaded.meta.offersContact
	};
}) satisfies PageServerLoad;

/** The questionnaire closed before the answers arrived: say so, and show what was written. */
function closed(definition: QuestionnaireDefinition, lang: Lang, state: SurveyState) {
	const accepted = acceptedAnswers(definition, answersFromForm(definition, state.fields));
	return fail(409, {
		state,
		closed: readableAnswers(definition, lang, accepted.answers, accepted.demographics)
	});
}

/** A screen of the questionnaire: 400 when it shows errors. `extra`: contact details typed in. */
function screen(
	result: Extract<Step, { kind: 'screen' }>,
	extra: { contact?: ContactValues } = {}
) {
	const data = { state: result.state, errors: result.errors, notice: result.notice, ...extra };
	return result.errors ? fail(400, data) : data;
}

/** Back, or the same screen again: nothing is checked, everything typed is kept. */
async function move({ request, locals, params }: Parameters<Action>[0], to: 'back' | 'stay') {
	const { definition } = await surveyQuestionnaire(locals, params.slug);
	const result = step(definition, stateFromForm(definition, await request.formData()), to);
	return screen(result.kind === 'screen' ? result : { kind: 'screen', state: result.state });
}

export const actions = {
	/** Next, or Send on the last section: check the section on screen, then move on or save. */
	next: async ({ request, locals, params, url, cookies }) => {
		const kiosk = isKiosk(url.searchParams);
		const { loaded, definition } = await surveyQuestionnaire(locals, params.slug);
		const form = await request.formData();
		const posted = stateFromForm(definition, form);
		if (!loaded.meta.isOpen) return closed(definition, locals.lang, posted);
		const result = step(definition, posted, 'next', shownOnScreen(form));
		const contact = loaded.meta.offersContact ? contactFromForm(form) : { given: false as const };
		// what was typed on the last screen comes back with any problem elsewhere
		if (result.kind === 'screen')
			return screen(result, contact.given ? { contact: contact.values } : {});

		const { state, answers } = result;
		if (contact.given && !contact.ok)
			return fail(400, { state, contact: contact.values, contactErrors: contact.errors });
		let saved: GroupedOutcome;
		try {
			// checked again, and saved with the submissions that arrived meanwhile
			saved = await submitGrouped(locals, params.slug, {
				responseId: state.responseId,
				receipt: state.receipt,
				channel: surveyChannel(kiosk, cookies, params.slug),
				language: locals.lang,
				answers,
				...(contact.given ? { contact: contact.contact } : {})
			});
		} catch (cause) {
			// Another response holds this receipt code (only a form changed by hand gets here),
			// or it closed in the instant before the save.
			const refusal = submissionRefusal(cause);
			if (!refusal) throw cause;
			saved = refusal;
		}
		if (saved.ok) {
			const outcome =
				saved.outcome === 'created'
					? 'created'
					: saved.outcome === 'updated' && state.editing
						? 'updated'
						: 'already';
			// A 'duplicate' is this id saved with another receipt: that code would open nothing.
			// On a shared tablet the next person must not see it either.
			const receipt = saved.outcome === 'duplicate' || kiosk ? null : state.receipt;
			return { done: { outcome, receipt } };
		}
		if ('errors' in saved) return fail(400, { state, errors: saved.errors });
		// not_found: it closed since this request read it, residents no longer see it
		if (saved.reason === 'closed' || saved.reason === 'not_found')
			return closed(definition, locals.lang, state);
		return fail(400, {
			state: { ...state, responseId: crypto.randomUUID(), receipt: newReceiptCode() },
			errors: { form: 'survey.not_saved' }
		});
	},

	back: (event) => move(event, 'back'),

	/**
	 * The same screen again. The language switch inside the form posts here, at the address of
	 * the page in the other language, so the answers so far come along without JavaScript.
	 */
	switch: (event) => move(event, 'stay'),

	/** Change my answers: the receipt page posts the code here to open the response again. */
	resume: async ({ request, locals, params }) => {
		const { loaded, definition } = await surveyQuestionnaire(locals, params.slug);
		const typed = (await request.formData()).get('receipt');
		const code = typeof typed === 'string' ? normalizeReceipt(typed) : null;
		const stored = code ? await locals.asUser((tx) => responseByReceipt(tx, code)) : null;
		if (!code || !stored || stored.questionnaireId !== loaded.meta.id)
			return fail(404, {
				state: newState(definition),
				errors: { form: 'survey.receipt.not_found' }
			});
		const fields = formFromAnswers(
			definition,
			stored.answers as Answers,
			stored.demographics as Demographics
		);
		return {
			state: {
				responseId: stored.responseId,
				receipt: formatReceipt(code),
				editing: true,
				section: firstSection(definition, fields),
				fields
			},
			notice: 'survey.editing'
		};
	}
} satisfies Actions;

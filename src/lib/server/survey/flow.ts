/*
 * Moving through a questionnaire one section per screen, on the server, so that it works without
 * JavaScript: the form carries every answer so far (hidden inputs for the other sections), the
 * response id and the receipt code; each step reads them back, checks the section on screen and
 * decides which screen comes next. Nothing is stored before the final submit.
 */
import {
	allQuestions,
	answersFromForm,
	formFields,
	validateAnswer,
	validateResponse,
	walkVisible,
	type FormEntries,
	type QuestionnaireDefinition
} from '$lib/domain/questionnaires';
import { formatReceipt, newReceiptCode, normalizeReceipt } from '$lib/domain/responses/receipt';
import { answerField, otherField, rankField } from '$lib/answer/live';
import type { SurveyState } from '$lib/answer/view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Errors = Record<string, string>;

/** A shown section: its index in the definition and the ids of its shown questions. */
interface Shown {
	index: number;
	ids: string[];
}

/**
 * Shown sections that have shown questions, judged on the answers as the server accepts them:
 * an answer that fails its checks counts as unanswered for later conditions.
 */
function shownSections(
	definition: QuestionnaireDefinition,
	raw: Readonly<Record<string, unknown>>
): Shown[] {
	return walkVisible(definition, (question) => {
		const result = validateAnswer(
			question,
			Object.hasOwn(raw, question.id) ? raw[question.id] : undefined
		);
		return result.ok ? result.value : undefined;
	})
		.map(({ section, questions }) => ({
			index: definition.sections.indexOf(section),
			ids: questions.map((question) => question.id)
		}))
		.filter((section) => section.ids.length > 0);
}

export function firstSection(definition: QuestionnaireDefinition, fields: FormEntries = []) {
	return shownSections(definition, answersFromForm(definition, fields))[0]?.index ?? 0;
}

export function newState(definition: QuestionnaireDefinition): SurveyState {
	return {
		responseId: crypto.randomUUID(),
		receipt: newReceiptCode(),
		editing: false,
		section: firstSection(definition),
		fields: []
	};
}

/** The names of every answer field the questionnaire can post. */
function answerNames(definition: QuestionnaireDefinition): Set<string> {
	const names = new Set<string>();
	for (const question of allQuestions(definition)) {
		names.add(answerField(question.id));
		if ('allowOther' in question && question.allowOther) names.add(otherField(question.id));
		if (question.type === 'ranking')
			for (const option of question.options) names.add(rankField(question.id, option.value));
	}
	return names;
}

/** The answer fields of a posted form, those of unknown questions left out. */
export function answerFieldsOf(
	definition: QuestionnaireDefinition,
	entries: FormEntries
): [string, string][] {
	const names = answerNames(definition);
	return [...formFields(entries)].flatMap(([name, values]) =>
		names.has(name) ? values.map((value): [string, string] => [name, value]) : []
	);
}

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');

/**
 * The state a screen posted. Anything missing or malformed is replaced (a new response id or
 * receipt, the first section), so a tampered form can only start a new response.
 */
export function stateFromForm(definition: QuestionnaireDefinition, form: FormData): SurveyState {
	const fields = answerFieldsOf(definition, form);
	const responseId = text(form.get('responseId'));
	const receipt = normalizeReceipt(text(form.get('receipt')));
	const section = Number(text(form.get('section')));
	return {
		responseId: UUID.test(responseId) ? responseId.toLowerCase() : crypto.randomUUID(),
		receipt: receipt ? formatReceipt(receipt) : newReceiptCode(),
		editing: form.get('editing') === '1',
		section:
			Number.isInteger(section) && section >= 0 && section < definition.sections.length
				? section
				: firstSection(definition, fields),
		fields
	};
}

/** The question ids the screen showed (posted in `shown`), or null when not posted. */
export function shownOnScreen(form: FormData): string[] | null {
	const shown = form.get('shown');
	return typeof shown === 'string' ? shown.split(',').filter(Boolean) : null;
}

export type Step =
	/** show this screen, with the errors of its questions and a notice, if any */
	| { kind: 'screen'; state: SurveyState; errors?: Errors; notice?: string }
	/** every answer checked: save them */
	| { kind: 'submit'; state: SurveyState; answers: Record<string, unknown> };

const only = (errors: Errors, ids: readonly string[]): Errors =>
	Object.fromEntries(Object.entries(errors).filter(([id]) => ids.includes(id)));

/**
 * The next screen after the person pressed Next (or Send) on `state.section`, Back, or nothing
 * (a language switch: the same screen again). Next checks the section's shown questions only;
 * when the answers on screen reveal questions the screen did not show (conditions, without
 * JavaScript), the same section comes back with them and a notice. Next on the last shown section
 * checks everything and asks for the submit.
 */
export function step(
	definition: QuestionnaireDefinition,
	state: SurveyState,
	move: 'next' | 'back' | 'stay',
	shown: string[] | null = null
): Step {
	const raw = answersFromForm(definition, state.fields);
	const sections = shownSections(definition, raw);
	const current =
		sections.find((section) => section.index === state.section) ??
		sections.find((section) => section.index > state.section) ??
		sections.at(-1);
	if (!current) return { kind: 'screen', state: { ...state, section: 0 } };
	const at = (section: Shown) => ({ ...state, section: section.index });

	if (move === 'stay') return { kind: 'screen', state: at(current) };
	if (move === 'back') {
		const previous = sections.filter((section) => section.index < current.index).at(-1);
		return { kind: 'screen', state: at(previous ?? current) };
	}

	const checked = validateResponse(definition, raw);
	const errors = checked.ok ? {} : checked.errors;
	const fresh = shown ? current.ids.filter((id) => !shown.includes(id)) : [];
	if (fresh.length > 0) {
		const seen = current.ids.filter((id) => !fresh.includes(id));
		const sectionErrors = only(errors, seen);
		return {
			kind: 'screen',
			state: at(current),
			notice: 'survey.new_questions',
			...(Object.keys(sectionErrors).length > 0 ? { errors: sectionErrors } : {})
		};
	}
	const sectionErrors = only(errors, current.ids);
	if (Object.keys(sectionErrors).length > 0)
		return { kind: 'screen', state: at(current), errors: sectionErrors };

	const next = sections.find((section) => section.index > current.index);
	if (next) return { kind: 'screen', state: at(next) };
	if (!checked.ok) {
		// An earlier section no longer checks out (its answers were changed in the page's source):
		// back to the first one with a problem.
		const first = sections.find((section) => section.ids.some((id) => id in errors)) ?? current;
		return { kind: 'screen', state: at(first), errors: only(errors, first.ids) };
	}
	return { kind: 'submit', state: at(current), answers: raw };
}

import {
	choicesOf,
	type Bilingual,
	type Question,
	type QuestionnaireDefinition
} from '$lib/domain/questionnaires';
import type { Lang } from '$lib/i18n/languages';
import type { QuestionView, SurveyView } from '$lib/answer/view';

/** Organizer-written text in the page's language (published questionnaires have both). */
export function inLang(text: Bilingual | undefined, lang: Lang): string | undefined {
	const value = text?.[lang]?.trim();
	return value ? value : undefined;
}

function questionView(question: Question, lang: Lang): QuestionView {
	const help = inLang(question.help, lang);
	const view: QuestionView = {
		id: question.id,
		type: question.type,
		prompt: inLang(question.prompt, lang) ?? '',
		required: question.required,
		...(help ? { help } : {}),
		...(question.condition ? { condition: question.condition } : {})
	};
	const choices = choicesOf(question);
	if (choices.length > 0)
		view.options = choices.map((option) => ({
			value: option.value,
			label: inLang(option.label, lang) ?? option.value
		}));
	switch (question.type) {
		case 'single_choice':
			if (question.allowOther) view.allowOther = true;
			break;
		case 'multiple_choice':
			if (question.allowOther) view.allowOther = true;
			if (question.maxSelections !== undefined) view.maxSelections = question.maxSelections;
			break;
		case 'ranking':
			view.top = Math.min(question.top, question.options.length);
			break;
		case 'rating': {
			const low = inLang(question.lowLabel, lang);
			const high = inLang(question.highLabel, lang);
			if (low) view.lowLabel = low;
			if (high) view.highLabel = high;
			break;
		}
		case 'number':
			if (question.min !== undefined) view.min = question.min;
			if (question.max !== undefined) view.max = question.max;
			if (question.integer) view.integer = true;
			break;
		case 'short_text':
		case 'long_text':
			view.maxLength = question.maxLength;
			break;
		case 'consent':
			view.statement = inLang(question.statement, lang) ?? '';
			break;
	}
	return view;
}

/** What the answering page shows of a questionnaire, in one language. */
export function surveyView(
	slug: string,
	definition: QuestionnaireDefinition,
	lang: Lang
): SurveyView {
	const intro = inLang(definition.intro, lang);
	return {
		slug,
		title: inLang(definition.title, lang) ?? '',
		...(intro ? { intro } : {}),
		sections: definition.sections.map((section) => ({
			id: section.id,
			title: inLang(section.title, lang) ?? '',
			...(section.condition ? { condition: section.condition } : {}),
			questions: section.questions.map((question) => questionView(question, lang))
		}))
	};
}

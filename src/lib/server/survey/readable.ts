import {
	agreementScale,
	choicesOf,
	chosenValues,
	otherTextOf,
	type AnswerByType,
	type Answers,
	type Demographics,
	type Question,
	type QuestionnaireDefinition,
	validateAnswer,
	walkVisible
} from '$lib/domain/questionnaires';
import { formatNumber, translator, type Lang } from '$lib/i18n';
import type { ReadableSection } from '$lib/answer/view';
import { inLang } from './view';

function readable(question: Question, answer: unknown, lang: Lang): string {
	const t = translator(lang);
	const label = (value: unknown) => {
		const option = choicesOf(question).find((choice) => choice.value === value);
		return option ? (inLang(option.label, lang) ?? option.value) : String(value);
	};
	const other = (text: string) => t('survey.other_answer', { text });
	switch (question.type) {
		case 'single_choice':
			return typeof answer === 'object' && answer !== null && 'other' in answer
				? other(String(answer.other))
				: label(answer);
		case 'multiple_choice': {
			const choice = answer as AnswerByType['multiple_choice'];
			const written = otherTextOf(choice);
			return [
				...chosenValues(choice).map(label),
				...(written === undefined ? [] : [other(written)])
			].join('; ');
		}
		case 'ranking':
			return chosenValues(answer as AnswerByType['ranking'])
				.map((value, index) => `${index + 1}. ${label(value)}`)
				.join('; ');
		case 'agreement_scale': {
			const point = agreementScale.find((item) => item.value === answer);
			return point ? t(point.label) : String(answer);
		}
		case 'rating':
			return t('survey.rating_answer', { value: answer });
		case 'yes_no':
			return t(answer === 'yes' ? 'questionnaire.yes' : 'questionnaire.no');
		case 'number':
			return typeof answer === 'number' ? formatNumber(lang, answer) : String(answer);
		case 'consent':
			return t('survey.consent_given');
		case 'demographic':
			return label(answer);
		default:
			return String(answer);
	}
}

/**
 * Stored answers as people read them, by section, in the page's language: for a receipt look-up,
 * or to show what was written when the questionnaire closed before it could be saved.
 */
export function readableAnswers(
	definition: QuestionnaireDefinition,
	lang: Lang,
	answers: Readonly<Answers> | Readonly<Record<string, unknown>>,
	demographics: Readonly<Demographics> | Readonly<Record<string, string>> = {}
): ReadableSection[] {
	return definition.sections
		.map((section) => ({
			title: inLang(section.title, lang) ?? '',
			answers: section.questions.flatMap((question) => {
				const answer =
					question.type === 'demographic'
						? (demographics as Record<string, string>)[question.dimension]
						: (answers as Record<string, unknown>)[question.id];
				if (answer === undefined || answer === null) return [];
				return [
					{
						id: question.id,
						prompt: inLang(question.prompt, lang) ?? '',
						answer: readable(question, answer, lang)
					}
				];
			})
		}))
		.filter((section) => section.answers.length > 0);
}

/**
 * The answers among the shown questions that pass their checks, in their stored form: what can
 * be shown back of a submission that could not be saved, even one with mistakes.
 */
export function acceptedAnswers(
	definition: QuestionnaireDefinition,
	raw: Readonly<Record<string, unknown>>
): { answers: Answers; demographics: Demographics } {
	const answers: Answers = {};
	const demographics: Demographics = {};
	walkVisible(definition, (question) => {
		const result = validateAnswer(
			question,
			Object.hasOwn(raw, question.id) ? raw[question.id] : undefined
		);
		if (!result.ok || result.value === undefined) return undefined;
		if (question.type === 'demographic') demographics[question.dimension] = String(result.value);
		else answers[question.id] = result.value;
		return result.value;
	});
	return { answers, demographics };
}

import {
	conditionOperatorsFor,
	type Condition,
	type QuestionInput,
	type QuestionnaireDefinitionInput
} from '../questionnaires';
import { earlierQuestions } from './arrangement';
import { formatDay } from './dates';
import { formatNumber, translator } from '../../i18n';
import { otherLang, type Lang } from '../../i18n/languages';
import { possibleAnswers, testableQuestions } from './question-form';

/** Bilingual text in a language, else in the other one; '' when blank in both. */
export function inLanguage(text: { en: string; fr: string } | undefined, lang: Lang): string {
	return text?.[lang]?.trim() || text?.[otherLang(lang)]?.trim() || '';
}

/** Where a question is: 'Section 2 › Question 3', numbered as publish problems are. */
export function questionPlace(
	definition: QuestionnaireDefinitionInput,
	questionId: string,
	lang: Lang
): { place: string; question: QuestionInput } | undefined {
	const t = translator(lang);
	for (const [s, section] of definition.sections.entries()) {
		const q = section.questions.findIndex((question) => question.id === questionId);
		if (q >= 0)
			return {
				place: `${t('questionnaire.publish.section', { number: s + 1 })} › ${t('questionnaire.publish.question', { number: q + 1 })}`,
				question: section.questions[q]
			};
	}
	return undefined;
}

/** A question's name in lists and condition pickers: its place and, when written, its text. */
export function questionName(
	definition: QuestionnaireDefinitionInput,
	questionId: string,
	lang: Lang
): string {
	const found = questionPlace(definition, questionId, lang);
	if (!found) return '';
	const prompt = inLanguage(found.question.prompt, lang);
	const t = translator(lang);
	return prompt ? `${found.place} (${t('builder.quoted', { text: prompt })})` : found.place;
}

/** "Shown only if the answer to Section 1 › Question 2 ("Car?") is "Yes"." */
export function describeCondition(
	definition: QuestionnaireDefinitionInput,
	condition: Condition,
	lang: Lang
): string {
	const t = translator(lang);
	const found = questionPlace(definition, condition.questionId, lang);
	if (!found) return t('builder.condition.missing_question');
	const answer = possibleAnswers(found.question, lang).find(
		(candidate) => candidate.value === String(condition.value)
	);
	const shown =
		answer?.label ??
		(typeof condition.value === 'number'
			? formatNumber(lang, condition.value)
			: String(condition.value));
	return t('builder.condition.summary', {
		question: questionName(definition, condition.questionId, lang),
		test: t(`builder.operators.${condition.operator}`, {
			value: t('builder.quoted', { text: shown })
		})
	});
}

/** An earlier question a condition may test, as the condition editor offers it. */
export interface ConditionTarget {
	id: string;
	/** 'Section 1 › Question 2 ("Car?")' */
	name: string;
	operators: { value: string; label: string }[];
	/** the answers a condition may compare with; empty for numbers and ratings */
	answers: { value: string; label: string }[];
}

/** The questions a section's or question's condition may test, in the page's language. */
export function conditionTargets(
	definition: QuestionnaireDefinitionInput,
	itemId: string,
	lang: Lang
): ConditionTarget[] {
	const t = translator(lang);
	return testableQuestions(earlierQuestions(definition, itemId)).map((question) => ({
		id: question.id,
		name: questionName(definition, question.id, lang),
		operators: conditionOperatorsFor[question.type].map((operator) => ({
			value: operator,
			label: t(`builder.operator_names.${operator}`)
		})),
		answers: possibleAnswers(question, lang)
	}));
}

/** Whether residents can answer now, and from or until when, in a sentence. */
export function availabilityText(
	questionnaire: {
		status: 'draft' | 'open' | 'closed';
		opensAt: Date | null;
		closesAt: Date | null;
	},
	lang: Lang,
	now = new Date()
): string {
	const t = translator(lang);
	const { status, opensAt, closesAt } = questionnaire;
	if (status === 'draft') return t('builder.state.draft_note');
	if (status === 'closed') return t('builder.state.closed_note');
	if (opensAt && new Date(opensAt) > now)
		return t('builder.state.opens_on', { date: formatDay(lang, opensAt) });
	if (closesAt && new Date(closesAt) <= now)
		return t('builder.state.ended', {
			date: formatDay(lang, new Date(new Date(closesAt).getTime() - 1))
		});
	return closesAt
		? t('builder.state.taking_answers_until', {
				date: formatDay(lang, new Date(new Date(closesAt).getTime() - 1))
			})
		: t('builder.state.taking_answers');
}

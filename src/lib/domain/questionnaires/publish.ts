import { translator, type Lang } from '../../i18n';
import { isBlank, missingLanguages, type Bilingual } from './bilingual';
import { questionnaireDefinition, type QuestionnaireDefinitionInput } from './definition';
import type { QuestionInput } from './question-types';

export type PublishProblem = {
	/** Where, for people: 'Section 2 › Question 3 › option "Bus"', in the page's language. */
	path: string;
	/** Where, for code: 'sections.1.questions.2.options.0.label', to link to the editor field. */
	field: string;
	/** The missing language, for a missing translation. */
	language?: Lang;
	/** Locale key: 'questionnaire_errors.translation_missing_fr', or the schema's message. */
	error: string;
};

type PathPart = string | number;

/** Field names the editor shows, as locale keys; others are shown as they are. */
const fieldLabels: Record<string, string> = {
	title: 'questionnaire.publish.title',
	intro: 'questionnaire.publish.intro',
	prompt: 'questionnaire.publish.prompt',
	help: 'questionnaire.publish.help',
	lowLabel: 'questionnaire.publish.low_label',
	highLabel: 'questionnaire.publish.high_label',
	statement: 'questionnaire.publish.statement',
	condition: 'questionnaire.publish.condition',
	options: 'questionnaire.publish.options',
	customOptions: 'questionnaire.publish.options',
	top: 'questionnaire.publish.top',
	maxSelections: 'questionnaire.publish.max_selections',
	min: 'questionnaire.publish.range',
	max: 'questionnaire.publish.range',
	maxLength: 'questionnaire.publish.max_length',
	dimension: 'questionnaire.publish.dimension',
	type: 'questionnaire.publish.type',
	id: 'questionnaire.publish.id',
	sections: 'questionnaire.publish.sections'
};

/** Shows an option by its label in the page's language, else the other, else its value. */
function optionName(
	option: { value?: string; label?: Partial<Bilingual> } | undefined,
	lang: Lang
) {
	const label = option?.label;
	return (
		label?.[lang]?.trim() || label?.[lang === 'en' ? 'fr' : 'en']?.trim() || option?.value || '?'
	);
}

/** A readable location for a path into the definition, such as a zod issue path. */
export function describePath(
	definition: QuestionnaireDefinitionInput,
	path: readonly PathPart[],
	lang: Lang = 'en'
): string {
	const t = translator(lang);
	const parts: string[] = [];
	let rest = [...path];
	if (rest[0] === 'sections' && typeof rest[1] === 'number') {
		const section = definition.sections?.[rest[1]];
		parts.push(t('questionnaire.publish.section', { number: rest[1] + 1 }));
		rest = rest.slice(2);
		if (rest[0] === 'questions' && typeof rest[1] === 'number') {
			const question = section?.questions?.[rest[1]] as Record<string, unknown> | undefined;
			parts.push(t('questionnaire.publish.question', { number: rest[1] + 1 }));
			const list = rest[2];
			rest = rest.slice(2);
			if ((list === 'options' || list === 'customOptions') && typeof rest[1] === 'number') {
				const options = question?.[list] as Parameters<typeof optionName>[0][] | undefined;
				parts.push(
					t('questionnaire.publish.option', { label: optionName(options?.[rest[1]], lang) })
				);
				rest = [];
			}
		}
	} else {
		parts.push(t('questionnaire.publish.questionnaire'));
	}
	// The first field name says enough: 'prompt' for ['prompt', 'fr'], 'condition' for
	// ['condition', 'questionId'].
	const field = rest.find((part) => typeof part === 'string');
	if (field !== undefined) parts.push(field in fieldLabels ? t(fieldLabels[field]) : field);
	return parts.join(' › ');
}

const missingKey: Record<Lang, string> = {
	en: 'questionnaire_errors.translation_missing_en',
	fr: 'questionnaire_errors.translation_missing_fr'
};

/**
 * Everything that stops a questionnaire from being published: each text missing in a language
 * (residents must be able to answer in either), then each validity problem the schema finds.
 * Drafts may be stored with such problems; publishing requires this list to be empty.
 */
export function publishProblems(
	definition: QuestionnaireDefinitionInput,
	lang: Lang = 'en'
): PublishProblem[] {
	const problems: PublishProblem[] = [];

	/** Required texts are reported even when blank in both languages; optional ones only when half-written. */
	const check = (text: Bilingual | undefined, path: PathPart[], optional = false) => {
		if (optional && isBlank(text)) return;
		for (const language of missingLanguages(text ?? { en: '', fr: '' }))
			problems.push({
				path: describePath(definition, path, lang),
				field: path.join('.'),
				language,
				error: missingKey[language]
			});
	};

	check(definition.title, ['title']);
	check(definition.intro, ['intro'], true);
	(definition.sections ?? []).forEach((section, s) => {
		check(section.title, ['sections', s, 'title']);
		(section.questions ?? []).forEach((question: QuestionInput, q) => {
			const at = (...rest: PathPart[]) => ['sections', s, 'questions', q, ...rest];
			check(question.prompt, at('prompt'));
			check(question.help, at('help'), true);
			if ('options' in question)
				question.options?.forEach((option, o) => check(option.label, at('options', o, 'label')));
			if (question.type === 'demographic')
				question.customOptions?.forEach((option, o) =>
					check(option.label, at('customOptions', o, 'label'))
				);
			if (question.type === 'rating') {
				check(question.lowLabel, at('lowLabel'), true);
				check(question.highLabel, at('highLabel'), true);
			}
			if (question.type === 'consent') check(question.statement, at('statement'));
		});
	});

	const parsed = questionnaireDefinition.safeParse(definition);
	for (const issue of parsed.success ? [] : parsed.error.issues) {
		const path = issue.path.filter((part) => typeof part !== 'symbol');
		problems.push({
			path: describePath(definition, path, lang),
			field: path.join('.'),
			error: /^[a-z_]+(\.[a-z_]+)+$/.test(issue.message) ? issue.message : 'errors.invalid'
		});
	}
	return problems;
}

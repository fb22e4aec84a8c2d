import en from '../../i18n/locales/en.json';
import fr from '../../i18n/locales/fr.json';
import {
	agreementScale,
	choicesOf,
	OTHER_CHOICE,
	RATING_MAX,
	RATING_MIN,
	type Bilingual,
	type Question
} from '../questionnaires';

type LocaleTree = { [key: string]: string | LocaleTree };

/** Interface text in both languages, for tables and exports that name answers in either. */
export function localeText(key: string): Bilingual {
	const read = (tree: LocaleTree) => {
		const value = key
			.split('.')
			.reduce<string | LocaleTree | undefined>(
				(node, part) => (typeof node === 'object' ? node[part] : undefined),
				tree
			);
		if (typeof value !== 'string') throw new Error(`Missing locale text ${key}`);
		return value;
	};
	return { en: read(en as LocaleTree), fr: read(fr as LocaleTree) };
}

const same = (text: string): Bilingual => ({ en: text, fr: text });

/**
 * Every answer a question's results count, in the order they are shown: its options (and
 * "Other" when offered), yes and no, or the points of its scale.
 */
export function answerLabels(question: Question): { value: string; label: Bilingual }[] {
	switch (question.type) {
		case 'yes_no':
			return [
				{ value: 'yes', label: localeText('questionnaire.yes') },
				{ value: 'no', label: localeText('questionnaire.no') }
			];
		case 'agreement_scale':
			return agreementScale.map((point) => ({
				value: String(point.value),
				label: localeText(point.label)
			}));
		case 'rating':
			return Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => ({
				value: String(RATING_MIN + i),
				label: same(String(RATING_MIN + i))
			}));
		default: {
			const options = choicesOf(question).map(({ value, label }) => ({ value, label }));
			const other = 'allowOther' in question && question.allowOther === true;
			return other
				? [...options, { value: OTHER_CHOICE, label: localeText('questionnaire.other') }]
				: options;
		}
	}
}

/** The label of one answer value, or the value itself when the question no longer offers it. */
export function answerLabel(question: Question, value: string): Bilingual {
	return answerLabels(question).find((entry) => entry.value === value)?.label ?? same(value);
}

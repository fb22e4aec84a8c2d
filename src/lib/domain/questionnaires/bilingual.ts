import { z } from 'zod';
import { languages, type Lang } from '../../i18n/languages';

export const BILINGUAL_MAX_LENGTH = 2000;

const text = z.string().trim().max(BILINGUAL_MAX_LENGTH, 'errors.too_long');

/**
 * Text that organizers write in both languages. Either side may be blank while a questionnaire
 * is a draft; publishing is refused until every field has both (see publishProblems).
 */
export const bilingual = z.object({ en: text, fr: text });
export type Bilingual = z.infer<typeof bilingual>;

export function emptyBilingual(): Bilingual {
	return { en: '', fr: '' };
}

/** The languages in which the text is blank, in the order of `languages`. */
export function missingLanguages(text: Bilingual): Lang[] {
	return languages.filter((lang) => (text[lang] ?? '').trim() === '');
}

/** Blank in both languages: an optional field (help, intro) left out rather than half-written. */
export function isBlank(text: Bilingual | undefined): boolean {
	return text === undefined || missingLanguages(text).length === languages.length;
}

/** Lower case without accents, so "ecole" finds "École" and "Ecole" finds "école". */
export function foldText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase();
}

export type TextLanguageFilter = 'all' | 'en' | 'fr';

/**
 * The written answers that contain every word of the search (in any order, ignoring case and
 * accents) and are in the language asked for.
 */
export function searchTexts<T extends { text: string; language?: 'en' | 'fr' }>(
	texts: readonly T[],
	search: string,
	language: TextLanguageFilter = 'all'
): T[] {
	const words = foldText(search).split(/\s+/).filter(Boolean);
	return texts.filter(
		(entry) =>
			(language === 'all' || entry.language === language) &&
			words.every((word) => foldText(entry.text).includes(word))
	);
}

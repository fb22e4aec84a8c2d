import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';

export type TextLanguage = 'en' | 'fr';

/** Lower case without accents: "Écoles" and "ecoles" are the same word to a coder. */
export function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const stemmers: Record<TextLanguage, (word: string) => string> = {
	en: stemEnglish,
	fr: stemFrench
};

/*
 * Stop words of both languages are dropped from every text: residents mix languages, and a
 * French "de" or an English "the" never tells one theme from another.
 */
const stopwords = new Set([...englishStopwords, ...frenchStopwords].map(fold));

// French elision ("l'école", "d'emplois", "qu'on") and English possessive ("city's").
const ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]/;
const POSSESSIVE = /['’]s$/;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Stems are cached per language: free text repeats the same few thousand words. */
const caches: Record<TextLanguage, Map<string, string | null>> = { en: new Map(), fr: new Map() };
const CACHE_LIMIT = 50_000;

function term(word: string, language: TextLanguage): string | null {
	const cache = caches[language];
	const known = cache.get(word);
	if (known !== undefined) return known;
	// folded before stemming, so that a word typed with or without its accents stems alike
	const bare = fold(word.replace(ELISION, '').replace(POSSESSIVE, '').replace(/['’]/g, ''));
	let result: string | null = null;
	if (bare.length >= 2 && !stopwords.has(bare) && !/^\d+$/.test(bare)) {
		const stem = stemmers[language](bare);
		if (stem.length >= 2) result = stem;
	}
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(word, result);
	return result;
}

/** The terms of a text: words without stop words, stemmed in the text's language, accent-folded. */
export function tokenize(text: string, language: TextLanguage): string[] {
	const terms: string[] = [];
	for (const match of text.toLowerCase().matchAll(WORD)) {
		const t = term(match[0], language);
		if (t) terms.push(t);
	}
	return terms;
}

/**
 * The terms of a codebook keyword, with those of its plural: keywords are written in the
 * singular, and the stemmers do not always bring both to one stem (French "loyer" reads as a
 * verb, "loyers" as a noun).
 */
export function keywordTerms(keyword: string, language: TextLanguage): string[] {
	const plural = keyword.replace(/[\p{L}]+/gu, (w) => {
		if (language === 'en') return /(?:[sxz]|[cs]h)$/i.test(w) ? `${w}es` : `${w}s`;
		return /[sxz]$/i.test(w) ? w : `${w}s`;
	});
	return [...new Set([...tokenize(keyword, language), ...tokenize(plural, language)])];
}

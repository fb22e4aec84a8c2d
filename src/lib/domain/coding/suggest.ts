import { addInto, inverseDocumentFrequency, normalize, vectorize, type Vector } from './tfidf';
import { keywordTerms, tokenize, type TextLanguage } from './tokenize';

/*
 * Theme suggestions computed on our own server. Each theme has a profile: its bilingual keywords
 * plus every item already coded with it (a Rocchio centroid of TF-IDF vectors). An uncoded item
 * is suggested the themes whose profile is most like it (cosine). Coding more items widens the
 * profiles, so suggestions improve as the team codes.
 */

export interface ThemeForSuggestion {
	id: string;
	keywords: { en: readonly string[]; fr: readonly string[] };
}

export interface TextItem {
	key: string;
	text: string;
	language: TextLanguage;
}

export interface CodedText extends TextItem {
	themeIds: readonly string[];
}

export interface Suggestion {
	themeId: string;
	/** cosine similarity, 0 … 1 */
	score: number;
	/** the theme's keywords found in the item, as written in the codebook */
	keywords: string[];
}

/** Below this, a suggestion is more noise than help. */
export const MIN_SCORE = 0.08;
export const MAX_SUGGESTIONS = 3;
/** The keywords count as much as this many coded items in a theme's profile. */
const KEYWORD_WEIGHT = 2;

interface Profile {
	themeId: string;
	keywordTerms: Map<string, string>;
}

export interface SuggestionModel {
	idf: Map<string, number>;
	unseen: number;
	profiles: Profile[];
	/** term → [profile index, weight] */
	index: Map<string, [number, number][]>;
}

type Tokenized = { terms: string[] };

/**
 * Builds the model from the codebook, the coded items and the items to suggest for (so that term
 * rarity is measured over everything the team is looking at). Pass pre-tokenized items through
 * `tokenized` to avoid tokenizing twice.
 */
export function buildModel(
	themes: readonly ThemeForSuggestion[],
	coded: readonly (CodedText & Partial<Tokenized>)[],
	uncoded: readonly (TextItem & Partial<Tokenized>)[] = []
): SuggestionModel {
	const codedTerms = coded.map((item) => item.terms ?? tokenize(item.text, item.language));
	const uncodedTerms = uncoded.map((item) => item.terms ?? tokenize(item.text, item.language));
	const idf = inverseDocumentFrequency([...codedTerms, ...uncodedTerms]);
	const documents = codedTerms.length + uncodedTerms.length;
	// a term nobody wrote yet (a keyword) is as rare as can be
	const unseen = Math.log(1 + documents) + 1;

	const sums = new Map<string, Vector>();
	const profiles: Profile[] = themes.map((theme) => {
		const keywordOf = new Map<string, string>();
		const terms: string[] = [];
		for (const language of ['en', 'fr'] as const)
			for (const keyword of theme.keywords[language])
				for (const t of keywordTerms(keyword, language)) {
					keywordOf.set(t, keyword);
					terms.push(t);
				}
		const sum: Vector = new Map();
		if (terms.length > 0) addInto(sum, vectorize(terms, idf, unseen), KEYWORD_WEIGHT);
		sums.set(theme.id, sum);
		return { themeId: theme.id, keywordTerms: keywordOf };
	});
	coded.forEach((item, i) => {
		const vector = vectorize(codedTerms[i], idf, unseen);
		for (const themeId of item.themeIds) {
			const sum = sums.get(themeId);
			if (sum) addInto(sum, vector);
		}
	});

	const index = new Map<string, [number, number][]>();
	profiles.forEach((profile, p) => {
		for (const [t, w] of normalize(sums.get(profile.themeId)!)) {
			let postings = index.get(t);
			if (!postings) index.set(t, (postings = []));
			postings.push([p, w]);
		}
	});
	return { idf, unseen, profiles, index };
}

/**
 * The best themes for one item, best first: at most MAX_SUGGESTIONS, each scoring at least
 * MIN_SCORE, leaving out themes the item already has and those someone rejected for it.
 */
export function suggestFor(
	model: SuggestionModel,
	item: TextItem & Partial<Tokenized>,
	exclude: ReadonlySet<string> = new Set()
): Suggestion[] {
	const terms = item.terms ?? tokenize(item.text, item.language);
	const vector = vectorize(terms, model.idf, model.unseen);
	const scores = new Float64Array(model.profiles.length);
	for (const [t, w] of vector) {
		const postings = model.index.get(t);
		if (postings) for (const [p, pw] of postings) scores[p] += w * pw;
	}
	const ranked: Suggestion[] = [];
	scores.forEach((score, p) => {
		const profile = model.profiles[p];
		if (score < MIN_SCORE || exclude.has(profile.themeId)) return;
		const keywords = [...new Set(terms.flatMap((t) => profile.keywordTerms.get(t) ?? []))];
		ranked.push({ themeId: profile.themeId, score: Math.min(1, score), keywords });
	});
	return ranked.sort((a, b) => b.score - a.score).slice(0, MAX_SUGGESTIONS);
}

/** Suggestions for many items at once; `exclude` gives, per item key, the themes to leave out. */
export function suggestAll(
	themes: readonly ThemeForSuggestion[],
	coded: readonly CodedText[],
	uncoded: readonly TextItem[],
	exclude: ReadonlyMap<string, ReadonlySet<string>> = new Map()
): Map<string, Suggestion[]> {
	const tokenizedUncoded = uncoded.map((item) => ({
		...item,
		terms: tokenize(item.text, item.language)
	}));
	const model = buildModel(themes, coded, tokenizedUncoded);
	const result = new Map<string, Suggestion[]>();
	for (const item of tokenizedUncoded)
		result.set(item.key, suggestFor(model, item, exclude.get(item.key)));
	return result;
}

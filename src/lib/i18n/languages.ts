export const languages = ['en', 'fr'] as const;
export type Lang = (typeof languages)[number];

export function isLang(value: unknown): value is Lang {
	return languages.includes(value as Lang);
}

export function otherLang(lang: Lang): Lang {
	return lang === 'en' ? 'fr' : 'en';
}

/**
 * The best of our languages for an Accept-Language header, by q-weight then order;
 * English when nothing matches.
 */
export function negotiateLang(header: string | null | undefined): Lang {
	const ranked = (header ?? '')
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().toLowerCase().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return { base: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
		})
		.filter((entry) => entry.base && Number.isFinite(entry.q) && entry.q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	return ranked.map((entry) => entry.base).find(isLang) ?? 'en';
}

/** The same page in another language: swaps the first path segment. */
export function switchLangPath(pathname: string, search: string, to: Lang): string {
	const rest = pathname.replace(/^\/(en|fr)(?=\/|$)/, '');
	return `/${to}${rest}${search}`;
}

import i18next from 'i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';
import type { Lang } from './languages';

export * from './languages';

const instance = i18next.createInstance();
void instance.init({
	resources: { en: { translation: en }, fr: { translation: fr } },
	lng: 'en',
	fallbackLng: false,
	// resources are bundled: initialise synchronously so the first render is translated
	initAsync: false,
	// Svelte escapes what it renders
	interpolation: { escapeValue: false },
	showSupportNotice: false
});

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function translator(lang: Lang): Translate {
	const fixed = instance.getFixedT(lang);
	return (key, options) => fixed(key, options ?? {}) as string;
}

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-CA' : 'en-CA');

/**
 * Building an Intl formatter costs far more than formatting with it, and tables format hundreds
 * of dates and numbers: one formatter per language and options, made once.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(
	key: string,
	make: () => F
): F {
	let made = formatters.get(key) as F | undefined;
	if (!made) {
		made = make();
		formatters.set(key, made);
	}
	return made;
}

export function formatDate(lang: Lang, date: Date | string, style: 'medium' | 'long' = 'medium') {
	return formatter(
		`date ${lang} ${style}`,
		() => new Intl.DateTimeFormat(locale(lang), { dateStyle: style })
	).format(new Date(date));
}

export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions) {
	return formatter(
		`number ${lang} ${JSON.stringify(options ?? {})}`,
		() => new Intl.NumberFormat(locale(lang), options)
	).format(value);
}

/** Every key of a top-level section of the locale files, such as 'answer_errors.required'. */
export function keysOf(section: keyof typeof en): string[] {
	return Object.keys(en[section]).map((key) => `${section}.${key}`);
}

/** Bilingual content ({ en, fr }) in the page's language. */
export function localized(text: { en: string; fr: string } | null | undefined, lang: Lang): string {
	return text?.[lang] ?? '';
}

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

export function formatDate(lang: Lang, date: Date | string, style: 'medium' | 'long' = 'medium') {
	return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: style }).format(
		new Date(date)
	);
}

export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions) {
	return new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', options).format(value);
}

/** Every key of a top-level section of the locale files, such as 'answer_errors.required'. */
export function keysOf(section: keyof typeof en): string[] {
	return Object.keys(en[section]).map((key) => `${section}.${key}`);
}

/** Bilingual content ({ en, fr }) in the page's language. */
export function localized(text: { en: string; fr: string } | null | undefined, lang: Lang): string {
	return text?.[lang] ?? '';
}

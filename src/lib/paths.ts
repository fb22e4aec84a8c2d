import type { Lang } from './i18n/languages';

/** Every route path in one place, so a renamed page is changed once. */
export const paths = {
	home: (lang: Lang) => `/${lang}`,
	signIn: (lang: Lang, redirectTo?: string) =>
		`/${lang}/sign-in${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''}`,
	signOut: (lang: Lang) => `/${lang}/sign-out`,
	communities: (lang: Lang) => `/${lang}/communities`,
	newCommunity: (lang: Lang) => `/${lang}/communities/new`,
	community: (lang: Lang, slug: string) => `/${lang}/communities/${slug}`,
	team: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/team`,
	invitation: (lang: Lang, token: string) => `/${lang}/invite/${token}`,
	questionnaireResults: (lang: Lang, slug: string, id: string, search = '') =>
		`/${lang}/communities/${slug}/questionnaires/${id}/results${search}`,
	questionnaireExport: (lang: Lang, slug: string, id: string, search = '') =>
		`/${lang}/communities/${slug}/questionnaires/${id}/results/export.csv${search}`,
	survey: (lang: Lang, slug: string) => `/${lang}/s/${slug}`,
	/** the questionnaire on a shared tablet at a venue (see $lib/answer/kiosk) */
	surveyKiosk: (lang: Lang, slug: string) => `/${lang}/s/${slug}?kiosk=1`,
	surveyReceipt: (lang: Lang, slug: string) => `/${lang}/s/${slug}/receipt`,
	surveySubmit: (lang: Lang, slug: string) => `/${lang}/s/${slug}/submit`,
	questionnaires: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/questionnaires`,
	questionnaire: (lang: Lang, slug: string, id: string) =>
		`/${lang}/communities/${slug}/questionnaires/${id}`,
	questionEditor: (lang: Lang, slug: string, id: string, questionId: string) =>
		`/${lang}/communities/${slug}/questionnaires/${id}/questions/${questionId}`,
	/** previewLang: the language the questionnaire is shown in, when not the page's */
	questionnairePreview: (lang: Lang, slug: string, id: string, previewLang?: Lang) =>
		`/${lang}/communities/${slug}/questionnaires/${id}/preview${previewLang ? `?lang=${previewLang}` : ''}`,
	/** whose voices are missing: participants against the census, with ?questionnaire= and ?channel= */
	representation: (lang: Lang, slug: string, search = '') =>
		`/${lang}/communities/${slug}/representation${search}`
};

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
	invitation: (lang: Lang, token: string) => `/${lang}/invite/${token}`
};

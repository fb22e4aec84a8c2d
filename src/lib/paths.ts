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
	codebook: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/codebook`,
	codebookTheme: (lang: Lang, slug: string, themeId: string) =>
		`/${lang}/communities/${slug}/codebook/${themeId}`,
	codebookExport: (lang: Lang, slug: string) =>
		`/${lang}/communities/${slug}/codebook/codebook.csv`,
	/** the coding queue; search: ?questionnaire=&language=&channel=&theme=&status=&page= */
	coding: (lang: Lang, slug: string, search = '') => `/${lang}/communities/${slug}/coding${search}`,
	/** blind second coding of a sample, and agreement (kappa) per theme */
	codingAgreement: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/coding/agreement`,
	priorities: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/priorities`,
	priorityArea: (lang: Lang, slug: string, areaId: string) =>
		`/${lang}/communities/${slug}/priorities/${areaId}`,
	team: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/team`,
	/** discussion guides for focus groups, interviews and meetings */
	guides: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/guides`,
	guide: (lang: Lang, slug: string, id: string) => `/${lang}/communities/${slug}/guides/${id}`,
	/** focus groups, interviews, meetings and observations: records and notes */
	sessions: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/sessions`,
	newSession: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/sessions/new`,
	/** the session's record and its notes, taken there */
	session: (lang: Lang, slug: string, id: string) => `/${lang}/communities/${slug}/sessions/${id}`,
	sessionEdit: (lang: Lang, slug: string, id: string) =>
		`/${lang}/communities/${slug}/sessions/${id}/edit`,
	sessionNote: (lang: Lang, slug: string, id: string, noteId: string) =>
		`/${lang}/communities/${slug}/sessions/${id}/notes/${noteId}`,
	sessionImport: (lang: Lang, slug: string, id: string) =>
		`/${lang}/communities/${slug}/sessions/${id}/import`,
	/** the population each demographic dimension is compared with (census import, manual entry) */
	baselines: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/baselines`,
	baselinesImport: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/baselines/import`,
	baselinesManual: (lang: Lang, slug: string, dimension?: string) =>
		`/${lang}/communities/${slug}/baselines/manual${dimension ? `?dimension=${dimension}` : ''}`,
	invitation: (lang: Lang, token: string) => `/${lang}/invite/${token}`,
	questionnaireResults: (lang: Lang, slug: string, id: string, search = '') =>
		`/${lang}/communities/${slug}/questionnaires/${id}/results${search}`,
	questionnaireExport: (lang: Lang, slug: string, id: string, search = '') =>
		`/${lang}/communities/${slug}/questionnaires/${id}/results/export.csv${search}`,
	/** contact details residents left: owners only */
	questionnaireContacts: (lang: Lang, slug: string, id: string) =>
		`/${lang}/communities/${slug}/questionnaires/${id}/contacts`,
	questionnaireContactsExport: (lang: Lang, slug: string, id: string) =>
		`/${lang}/communities/${slug}/questionnaires/${id}/contacts/contacts.csv`,
	events: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/events`,
	event: (lang: Lang, slug: string, id: string) => `/${lang}/communities/${slug}/events/${id}`,
	eventPoster: (lang: Lang, slug: string, id: string) =>
		`/${lang}/communities/${slug}/events/${id}/poster`,
	eventPresent: (lang: Lang, slug: string, id: string) =>
		`/${lang}/communities/${slug}/events/${id}/present`,
	/** residents: type a code, or open an event by its code (the QR poster's address) */
	eventJoin: (lang: Lang) => `/${lang}/e`,
	eventPublic: (lang: Lang, code: string) => `/${lang}/e/${code}`,
	/** answer the event's questionnaire, saved with channel 'event' */
	eventSurvey: (lang: Lang, code: string) => `/${lang}/e/${code}/survey`,
	/** the presenter screen for a laptop nobody signs in on */
	presenterLink: (lang: Lang, key: string) => `/${lang}/present/${key}`,
	/** server-sent events with the live state of an event (language-free) */
	eventLive: (eventId: string) => `/live/events/${eventId}`,
	survey: (lang: Lang, slug: string) => `/${lang}/s/${slug}`,
	/** priority votes: the team's rounds, one round's set-up, its results */
	votes: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/votes`,
	voteRound: (lang: Lang, slug: string, id: string) => `/${lang}/communities/${slug}/votes/${id}`,
	voteResults: (lang: Lang, slug: string, id: string) =>
		`/${lang}/communities/${slug}/votes/${id}/results`,
	/** a round as residents vote in it; change: show the form again to change one's ballot */
	vote: (lang: Lang, roundSlug: string, change = false) =>
		`/${lang}/v/${roundSlug}${change ? '?change=1' : ''}`,
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
	/** the shared vision: edit (each save a version), publish, compare two versions (?from=&to=) */
	vision: (lang: Lang, slug: string, search = '') => `/${lang}/communities/${slug}/vision${search}`,
	visionResults: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/vision/results`,
	/** the report for council and funders, and the CSV of one of its tables */
	report: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/report`,
	reportCsv: (lang: Lang, slug: string, table: string) =>
		`/${lang}/communities/${slug}/report/${table}.csv`,
	/** residents: the published vision, to endorse; the community's public page */
	publicVision: (lang: Lang, slug: string, change = false) =>
		`/${lang}/vision/${slug}${change ? '?change=1' : ''}`,
	publicCommunity: (lang: Lang, slug: string) => `/${lang}/c/${slug}`,
	/** acting on the priorities: action teams, actions, indicators, "you said, we did" */
	actions: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/actions`,
	actionArea: (lang: Lang, slug: string, areaId: string) =>
		`/${lang}/communities/${slug}/actions/${areaId}`,
	indicator: (lang: Lang, slug: string, areaId: string, indicatorId: string) =>
		`/${lang}/communities/${slug}/actions/${areaId}/indicators/${indicatorId}`,
	/** the dissemination areas a community was created from */
	communityAreas: (lang: Lang, slug: string) => `/${lang}/communities/${slug}/areas`,
	/** choosing where to work: the signed-in person's deprivation files, one file's areas */
	areas: (lang: Lang) => `/${lang}/areas`,
	areaImport: (lang: Lang, importId: string, search = '') => `/${lang}/areas/${importId}${search}`,
	/** participation and priorities across the communities one belongs to */
	compareCommunities: (lang: Lang) => `/${lang}/areas/compare`,
	/** whose voices are missing: participants against the census, with ?questionnaire= and ?channel= */
	representation: (lang: Lang, slug: string, search = '') =>
		`/${lang}/communities/${slug}/representation${search}`
};

import type { Cookies } from '@sveltejs/kit';

/*
 * Responses from an event get channel 'event'. A phone that opens the questionnaire from the
 * event page carries a cookie naming that questionnaire for the rest of the day; the
 * questionnaire's pages read it when they save. It lives on the phone, so any server instance
 * reads it the same.
 */
export const EVENT_SURVEY_COOKIE = 'cg_event_survey';
const HOURS = 12;

export function markEventSurvey(cookies: Cookies, questionnaireSlug: string, secure: boolean) {
	cookies.set(EVENT_SURVEY_COOKIE, questionnaireSlug, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: HOURS * 60 * 60
	});
}

/** Whether answers to this questionnaire from this phone come from an event. */
export function fromEvent(cookies: Cookies, questionnaireSlug: string): boolean {
	return cookies.get(EVENT_SURVEY_COOKIE) === questionnaireSlug;
}

/**
 * The channel a questionnaire page saves a response with: 'kiosk' on a shared tablet (which
 * keeps nothing of anyone's, this cookie included, in mind), 'event' from a phone that came
 * through an event's page, else 'online'.
 */
export function surveyChannel(
	kiosk: boolean,
	cookies: Cookies,
	questionnaireSlug: string
): 'kiosk' | 'event' | 'online' {
	if (kiosk) return 'kiosk';
	return fromEvent(cookies, questionnaireSlug) ? 'event' : 'online';
}

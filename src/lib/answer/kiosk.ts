/*
 * Kiosk mode: a questionnaire page opened with ?kiosk=1 on a shared tablet at a community venue.
 * Responses are saved with the 'kiosk' channel, nothing is kept on the device between people and
 * no receipt code is shown. The flag travels in the address of every form post.
 */

export const KIOSK_PARAM = 'kiosk';

/** Seconds the thank-you screen stays before a fresh questionnaire opens for the next person. */
export const KIOSK_RESTART_SECONDS = 20;

/** Whether an address's query (or a posted form) asks for kiosk mode. */
export function isKiosk(values: { get(name: string): unknown } | null | undefined): boolean {
	return values?.get(KIOSK_PARAM) === '1';
}

/** The channel a response from this page is saved with. */
export function responseChannel(kiosk: boolean): 'kiosk' | 'online' {
	return kiosk ? 'kiosk' : 'online';
}

/** An address with the kiosk flag added to its query, when in kiosk mode. */
export function withKiosk(url: string, kiosk: boolean): string {
	if (!kiosk) return url;
	return `${url}${url.includes('?') ? '&' : '?'}${KIOSK_PARAM}=1`;
}

/**
 * The address a form action posts to: `?/name` at `base` (the current page when empty), with the
 * kiosk flag ahead of the action name so that the page reached by the post keeps kiosk mode.
 */
export function formAction(name: string, kiosk: boolean, base = ''): string {
	return `${base}?${kiosk ? `${KIOSK_PARAM}=1&` : ''}/${name}`;
}

/*
 * Opening and closing dates are chosen as calendar days (a date field works on every phone and
 * without JavaScript) and stored as instants: a questionnaire opens at the start of its first
 * day and closes at the end of its last day, in one stated time zone.
 */

export const QUESTIONNAIRE_TIME_ZONE = 'America/Toronto';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A real calendar day written as YYYY-MM-DD. */
export function isDay(text: string): boolean {
	const match = DAY.exec(text);
	if (!match) return false;
	const [, y, m, d] = match.map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Minutes the zone is ahead of UTC at an instant (negative west of Greenwich). */
function offsetMinutes(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(new Date(instant));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second')
	);
	return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant a day (YYYY-MM-DD) starts in the zone. */
export function startOfDay(day: string, timeZone = QUESTIONNAIRE_TIME_ZONE): Date {
	const [, y, m, d] = DAY.exec(day)!.map(Number);
	const midnightUtc = Date.UTC(y, m - 1, d);
	// The offset at the guess may differ from the one at the answer across a DST change.
	let instant = midnightUtc - offsetMinutes(midnightUtc, timeZone) * 60_000;
	instant = midnightUtc - offsetMinutes(instant, timeZone) * 60_000;
	return new Date(instant);
}

/** The instant a day ends (the next day's start) in the zone. */
export function endOfDay(day: string, timeZone = QUESTIONNAIRE_TIME_ZONE): Date {
	const [, y, m, d] = DAY.exec(day)!.map(Number);
	const next = new Date(Date.UTC(y, m - 1, d) + DAY_MS).toISOString().slice(0, 10);
	return startOfDay(next, timeZone);
}

/** The day (YYYY-MM-DD) an instant falls on in the zone. */
export function dayOf(instant: Date | string, timeZone = QUESTIONNAIRE_TIME_ZONE): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(new Date(instant));
}

/** The last day of a period that ends at this instant (exclusive), as the form shows it. */
export function lastDayBefore(end: Date | string, timeZone = QUESTIONNAIRE_TIME_ZONE): string {
	return dayOf(new Date(new Date(end).getTime() - 1), timeZone);
}

/** A day as people read it ('November 22, 2026', '22 novembre 2026'), in the questionnaires' zone. */
export function formatDay(lang: 'en' | 'fr', instant: Date | string): string {
	return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
		dateStyle: 'long',
		timeZone: QUESTIONNAIRE_TIME_ZONE
	}).format(new Date(instant));
}

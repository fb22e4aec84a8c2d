import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { EVENT_SURVEY_COOKIE, surveyChannel } from './event-channel';

const jar = (values: Record<string, string>) =>
	({ get: (name: string) => values[name] }) as unknown as Cookies;

describe('the channel of a response', () => {
	it('is event for the questionnaire a phone opened from an event page, kiosk first', () => {
		const fromEvent = jar({ [EVENT_SURVEY_COOKIE]: 'vanier-2026' });
		expect(surveyChannel(false, fromEvent, 'vanier-2026')).toBe('event');
		expect(surveyChannel(false, fromEvent, 'another')).toBe('online');
		expect(surveyChannel(true, fromEvent, 'vanier-2026')).toBe('kiosk');
		expect(surveyChannel(false, jar({}), 'vanier-2026')).toBe('online');
	});
});

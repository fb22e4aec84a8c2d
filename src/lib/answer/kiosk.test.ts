import { describe, expect, it } from 'vitest';
import { formAction, isKiosk, responseChannel, withKiosk } from './kiosk';

describe('kiosk mode', () => {
	it('is asked for by kiosk=1 in a query or a form, and nothing else', () => {
		expect(isKiosk(new URLSearchParams('kiosk=1'))).toBe(true);
		expect(isKiosk(new URLSearchParams('kiosk=1&/next'))).toBe(true);
		const form = new FormData();
		form.set('kiosk', '1');
		expect(isKiosk(form)).toBe(true);
		expect(isKiosk(new URLSearchParams(''))).toBe(false);
		expect(isKiosk(new URLSearchParams('kiosk=0'))).toBe(false);
		expect(isKiosk(new URLSearchParams('kiosk=true'))).toBe(false);
		expect(isKiosk(null)).toBe(false);
	});

	it('saves responses with the kiosk channel', () => {
		expect(responseChannel(true)).toBe('kiosk');
		expect(responseChannel(false)).toBe('online');
	});

	it('adds the flag to an address only in kiosk mode', () => {
		expect(withKiosk('/en/s/vanier/submit', true)).toBe('/en/s/vanier/submit?kiosk=1');
		expect(withKiosk('/en/s/vanier?a=b', true)).toBe('/en/s/vanier?a=b&kiosk=1');
		expect(withKiosk('/en/s/vanier/submit', false)).toBe('/en/s/vanier/submit');
	});

	it('keeps the flag in form actions, ahead of the action name', () => {
		expect(formAction('next', false)).toBe('?/next');
		expect(formAction('next', true)).toBe('?kiosk=1&/next');
		expect(formAction('switch', true, '/fr/s/vanier')).toBe('/fr/s/vanier?kiosk=1&/switch');
		const action = new URL(formAction('back', true, '/en/s/x'), 'http://localhost');
		expect([...action.searchParams.keys()]).toEqual(['kiosk', '/back']);
	});
});

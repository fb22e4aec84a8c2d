import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, translator } from './index';
import { negotiateLang, otherLang, switchLangPath } from './languages';

describe('negotiateLang', () => {
	it.each([
		['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
		['en-US,en;q=0.9', 'en'],
		['de-DE,fr;q=0.5,en;q=0.4', 'fr'],
		['en;q=0.2,fr;q=0.8', 'fr'],
		['es', 'en'],
		['', 'en'],
		['fr;q=0', 'en'],
		['*', 'en']
	])('%s → %s', (header, expected) => {
		expect(negotiateLang(header)).toBe(expected);
	});

	it('never throws and always answers en or fr', () => {
		fc.assert(fc.property(fc.string(), (header) => ['en', 'fr'].includes(negotiateLang(header))));
	});
});

describe('switchLangPath', () => {
	it('keeps the page and the query string', () => {
		expect(switchLangPath('/en/communities/vanier/team', '?x=1', 'fr')).toBe(
			'/fr/communities/vanier/team?x=1'
		);
		expect(switchLangPath('/fr', '', 'en')).toBe('/en');
	});

	it('switching there and back returns the same path', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^(\/[a-z0-9-]{1,12}){0,4}$/), (rest) => {
				const there = switchLangPath(`/en${rest}`, '', 'fr');
				expect(there).toBe(`/fr${rest}`);
				expect(switchLangPath(there, '', otherLang('fr'))).toBe(`/en${rest}`);
			})
		);
	});
});

describe('formatting in the page language', () => {
	it('formats numbers and dates the Canadian way in each language', () => {
		expect(formatNumber('en', 12345.5)).toBe('12,345.5');
		expect(formatNumber('fr', 12345.5)).toMatch(/^12\s345,5$/);
		expect(formatDate('en', new Date(Date.UTC(2026, 10, 22, 12)), 'long')).toBe(
			'November 22, 2026'
		);
		expect(formatDate('fr', new Date(Date.UTC(2026, 10, 22, 12)), 'long')).toBe('22 novembre 2026');
	});

	it('keeps each language and option apart when it reuses its formatters', () => {
		const day = new Date(Date.UTC(2026, 10, 22, 12));
		for (let round = 0; round < 2; round++) {
			expect(formatNumber('en', 0.5, { style: 'percent' })).toBe('50%');
			expect(formatNumber('en', 0.5)).toBe('0.5');
			expect(formatNumber('fr', 0.5, { style: 'percent' })).toMatch(/^50\s%$/);
			expect(formatDate('en', day)).toBe('Nov 22, 2026');
			expect(formatDate('en', day, 'long')).toBe('November 22, 2026');
			expect(formatDate('fr', day, 'long')).toBe('22 novembre 2026');
		}
	});

	it('translates with interpolation', () => {
		expect(translator('fr')('team.role_for', { name: 'Zoé' })).toBe('Rôle de Zoé');
		expect(translator('en')('team.role_for', { name: 'Zoé' })).toBe('Role for Zoé');
	});
});

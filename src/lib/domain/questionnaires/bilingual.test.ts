import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../validation';
import { bilingual, emptyBilingual, isBlank, missingLanguages } from './bilingual';

describe('bilingual', () => {
	it('trims both languages and allows a blank side in a draft', () => {
		expect(bilingual.parse({ en: '  Park  ', fr: ' ' })).toEqual({ en: 'Park', fr: '' });
	});

	it('refuses text over 2000 characters with a locale key', () => {
		const result = bilingual.safeParse({ en: 'a'.repeat(2001), fr: 'b' });
		expect(!result.success && fieldErrors(result.error)).toEqual({ en: 'errors.too_long' });
	});

	it('refuses a missing language', () => {
		expect(bilingual.safeParse({ en: 'Park' }).success).toBe(false);
	});
});

describe('missingLanguages', () => {
	it.each([
		[{ en: 'Park', fr: 'Parc' }, []],
		[{ en: 'Park', fr: '' }, ['fr']],
		[{ en: '  ', fr: 'Parc' }, ['en']],
		[emptyBilingual(), ['en', 'fr']]
	])('%o → %o', (text, missing) => expect(missingLanguages(text)).toEqual(missing));

	it('lists exactly the blank sides, and blank means both', () => {
		const side = fc.oneof(fc.constant(''), fc.constant(' \n'), fc.string());
		fc.assert(
			fc.property(side, side, (en, fr) => {
				const missing = missingLanguages({ en, fr });
				expect(missing.includes('en')).toBe(en.trim() === '');
				expect(missing.includes('fr')).toBe(fr.trim() === '');
				expect(isBlank({ en, fr })).toBe(missing.length === 2);
			})
		);
	});

	it('treats an absent optional text as blank', () => {
		expect(isBlank(undefined)).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { foldText, searchTexts } from './text-search';

const texts = [
	{ text: 'Une nouvelle École de quartier', language: 'fr' as const },
	{ text: 'More trees on Montreal Road', language: 'en' as const },
	{ text: 'Plus d’arbres sur le chemin de Montréal', language: 'fr' as const }
];

describe('searching written answers', () => {
	it('ignores case and accents', () => {
		expect(foldText('École Élan')).toBe('ecole elan');
		expect(searchTexts(texts, 'ecole').map((t) => t.text)).toEqual([texts[0].text]);
		expect(searchTexts(texts, 'MONTREAL')).toHaveLength(2);
	});

	it('needs every word, in any order', () => {
		expect(searchTexts(texts, 'road montreal')).toEqual([texts[1]]);
		expect(searchTexts(texts, 'road arbres')).toEqual([]);
	});

	it('filters by language, and an empty search keeps everything', () => {
		expect(searchTexts(texts, '', 'fr')).toEqual([texts[0], texts[2]]);
		expect(searchTexts(texts, '  ', 'all')).toEqual(texts);
		expect(searchTexts(texts, 'montreal', 'en')).toEqual([texts[1]]);
	});
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffVersions, diffWords } from './diff';

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join(' ');

describe('diffWords', () => {
	it('marks removed and added words and keeps the rest', () => {
		expect(diffWords('A safe and green Vanier', 'A safe,  green and fair\nVanier')).toEqual([
			{ kind: 'same', text: 'A' },
			{ kind: 'removed', text: 'safe and' },
			{ kind: 'added', text: 'safe,' },
			{ kind: 'same', text: 'green' },
			{ kind: 'added', text: 'and fair' },
			{ kind: 'same', text: 'Vanier' }
		]);
	});

	it('says nothing changed for equal texts', () => {
		expect(diffWords('Un quartier vert', 'Un quartier vert')).toEqual([
			{ kind: 'same', text: 'Un quartier vert' }
		]);
		expect(diffWords('', '')).toEqual([]);
	});

	it('rebuilds both texts from its parts', () => {
		const words = fc.array(fc.constantFrom('a', 'b', 'c', 'parc', 'école'), { maxLength: 12 });
		fc.assert(
			fc.property(words, words, (x, y) => {
				const before = x.join(' ');
				const after = y.join(' ');
				const parts = diffWords(before, after);
				const older = join(parts.filter((p) => p.kind !== 'added'));
				const newer = join(parts.filter((p) => p.kind !== 'removed'));
				expect(newer).toBe(after);
				expect(older).toBe(before);
			})
		);
	});
});

describe('diffVersions', () => {
	const v1 = {
		statement: { en: 'A green Vanier', fr: 'Un Vanier vert' },
		goals: [
			{ key: 'g1', text: { en: 'Safer streets', fr: 'Des rues plus sûres' }, areas: [] },
			{ key: 'g2', text: { en: 'More parks', fr: 'Plus de parcs' }, areas: [] }
		]
	};
	it('compares goals by key, per field and language', () => {
		const v2 = {
			statement: { en: 'A green and fair Vanier', fr: 'Un Vanier vert' },
			goals: [
				{ key: 'g2', text: { en: 'More parks', fr: 'Plus de parcs' }, areas: [] },
				{ key: 'g3', text: { en: 'Food for all', fr: '' }, areas: [] }
			]
		};
		const changes = diffVersions(v1, v2);
		expect(changes.map((c) => [c.field, c.language, c.change])).toEqual([
			['statement', 'en', 'changed'],
			['g3', 'en', 'added'],
			['g1', 'en', 'removed'],
			['g1', 'fr', 'removed']
		]);
		expect(changes[0].parts).toContainEqual({ kind: 'added', text: 'and fair' });
	});

	it('finds nothing between a version and itself', () => {
		expect(diffVersions(v1, v1)).toEqual([]);
	});
});

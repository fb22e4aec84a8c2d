import { describe, expect, it } from 'vitest';
import { areaEvidence, expandThemes, representative, type EvidenceItem } from './evidence';

function item(n: number, themeIds: string[], over: Partial<EvidenceItem> = {}): EvidenceItem {
	return {
		key: `k${n}`,
		themeIds,
		participant: `p${n}`,
		channel: 'online',
		language: 'en',
		text: `rent is too high ${n}`,
		demographics: {},
		...over
	};
}

describe('priority area evidence', () => {
	const items = [
		...Array.from({ length: 12 }, (_, i) => item(i, ['rent'], { demographics: { age: '25_44' } })),
		// the same person twice: two mentions, one participant
		item(20, ['repairs'], { participant: 'p0' }),
		...Array.from({ length: 3 }, (_, i) =>
			item(30 + i, ['repairs'], {
				channel: 'paper',
				language: 'fr',
				text: 'réparations du logement'
			})
		),
		item(40, ['transit'])
	];

	it('counts mentions and distinct participants at each step', () => {
		const evidence = areaEvidence(['rent', 'repairs'], items, 10);
		expect(evidence.mentions).toBe(16);
		expect(evidence.participants).toBe(15);
		expect(evidence.themes).toEqual([
			{ themeId: 'rent', mentions: 12, participants: 12 },
			{ themeId: 'repairs', mentions: 4, participants: 4 }
		]);
	});

	it('suppresses groups under k, with the complementary cell', () => {
		const evidence = areaEvidence(['rent', 'repairs'], items, 10, ['online', 'paper']);
		// paper (3) is under k, and online would give it away by subtraction from the total
		expect(evidence.byChannel).toEqual([
			{ key: 'online', count: null, suppressed: true },
			{ key: 'paper', count: null, suppressed: true }
		]);
		expect(areaEvidence(['rent'], items, 10, ['online', 'paper']).byChannel).toEqual([
			{ key: 'online', count: 12, suppressed: false },
			{ key: 'paper', count: 0, suppressed: false }
		]);
		expect(evidence.demographics).toEqual([
			{ dimension: 'age', cells: [{ key: '25_44', count: 12, suppressed: false }] }
		]);
	});

	it('never attributes a quote to a group under k', () => {
		const evidence = areaEvidence(['repairs'], items, 5);
		expect(evidence.quotes.length).toBe(3);
		for (const quote of evidence.quotes) expect(quote.attribution).toBeNull();
		const big = areaEvidence(['rent'], items, 10);
		for (const quote of big.quotes)
			expect(quote.attribution).toEqual({ channel: 'online', language: 'en' });
	});

	it('picks typical quotes, one per participant', () => {
		const chosen = representative(
			[
				item(1, ['a'], { text: 'rent rent housing' }),
				item(2, ['a'], { text: 'rent housing costs' }),
				item(3, ['a'], { text: 'a completely unrelated remark about parks' }),
				item(4, ['a'], { text: 'housing rent', participant: 'p1' })
			],
			2
		);
		const keys = chosen.map((c) => c.key);
		expect(keys).toHaveLength(2);
		expect(keys).toContain('k2');
		expect(keys).not.toContain('k3');
	});

	it('brings the sub-themes of a top-level theme', () => {
		const themes = [
			{ id: 'housing', parentId: null },
			{ id: 'rent', parentId: 'housing' },
			{ id: 'transit', parentId: null }
		];
		expect(expandThemes(['housing'], themes)).toEqual(['housing', 'rent']);
	});
});

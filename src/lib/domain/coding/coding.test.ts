import { describe, expect, it } from 'vitest';
import { readCodebookCsv, codebookRows, splitKeywords } from './codebook';
import { itemKey, parseItemKey } from './item-key';
import { cohenKappa, kappaPerTheme } from './kappa';
import { buildModel, MIN_SCORE, suggestAll, suggestFor, type CodedText } from './suggest';
import { cosine, inverseDocumentFrequency, vectorize } from './tfidf';
import { fold, tokenize } from './tokenize';

describe('tokenize', () => {
	it('folds accents and case', () => {
		expect(fold('Écoles À Montréal')).toBe('ecoles a montreal');
	});

	it('stems English and drops its stop words', () => {
		expect(tokenize('The houses are too expensive for the families', 'en')).toEqual([
			'hous',
			'expens',
			'famili'
		]);
		expect(tokenize('housing', 'en')).toEqual(tokenize('houses', 'en'));
	});

	it('stems French, drops its stop words and elisions, and folds what is left', () => {
		expect(tokenize("Les loyers de l'appartement sont élevés", 'fr')).toEqual([
			'loyer',
			'appart',
			'elev'
		]);
		expect(tokenize('écoles', 'fr')).toEqual(tokenize('ECOLE', 'fr'));
		expect(tokenize("qu'on", 'fr')).toEqual([]);
	});

	it('drops stop words of the other language too and bare numbers', () => {
		expect(tokenize('the parc de 2024', 'fr')).toEqual(['parc']);
	});
});

describe('TF-IDF', () => {
	const docs = [
		['bus', 'late'],
		['bus', 'cheap'],
		['park', 'clean']
	];
	const idf = inverseDocumentFrequency(docs);

	it('weighs rare terms more (smoothed idf)', () => {
		expect(idf.get('bus')).toBeCloseTo(Math.log(4 / 3) + 1, 10);
		expect(idf.get('park')).toBeCloseTo(Math.log(4 / 2) + 1, 10);
	});

	it('gives normalised vectors whose cosine is 1 with themselves and 0 without shared terms', () => {
		const a = vectorize(['bus', 'late', 'late'], idf);
		expect(cosine(a, a)).toBeCloseTo(1, 10);
		expect(cosine(a, vectorize(['park'], idf))).toBe(0);
		// hand-computed: a = (bus: i1, late: 2·i2), b = (bus: i1, cheap: i2) with i1 = ln(4/3)+1, i2 = ln 2+1
		const i1 = Math.log(4 / 3) + 1;
		const i2 = Math.log(2) + 1;
		const expected = (i1 * i1) / (Math.hypot(i1, 2 * i2) * Math.hypot(i1, i2));
		expect(cosine(a, vectorize(['bus', 'cheap'], idf))).toBeCloseTo(expected, 10);
	});
});

describe("Cohen's kappa", () => {
	it('matches a hand-computed example', () => {
		// 4 both, 1 first only, 2 second only, 3 neither: pₒ = 0.7, pₑ = 0.5·0.6 + 0.5·0.4 = 0.5
		const pairs: [boolean, boolean][] = [
			...Array<[boolean, boolean]>(4).fill([true, true]),
			[true, false],
			...Array<[boolean, boolean]>(2).fill([false, true]),
			...Array<[boolean, boolean]>(3).fill([false, false])
		];
		const agreement = cohenKappa(pairs);
		expect(agreement.observed).toBeCloseTo(0.7, 10);
		expect(agreement.expected).toBeCloseTo(0.5, 10);
		expect(agreement.kappa).toBeCloseTo(0.4, 10);
	});

	it('is 1 for perfect agreement and undefined when chance agreement is total', () => {
		expect(
			cohenKappa([
				[true, true],
				[false, false]
			]).kappa
		).toBe(1);
		expect(
			cohenKappa([
				[false, false],
				[false, false]
			]).kappa
		).toBeNull();
		expect(cohenKappa([]).kappa).toBeNull();
	});

	it('is computed per theme', () => {
		const result = kappaPerTheme(
			['a', 'b'],
			[
				{ first: new Set(['a']), second: new Set(['a']) },
				{ first: new Set(['b']), second: new Set(['a']) }
			]
		);
		expect(result.get('a')!.observed).toBe(0.5);
		expect(result.get('b')!.observed).toBe(0.5);
	});
});

describe('item keys', () => {
	it('round-trip and refuse anything else', () => {
		const ref = {
			kind: 'answer' as const,
			responseId: '10000000-0000-4000-8000-00000000000a',
			questionId: '20000000-0000-4000-8000-00000000000b'
		};
		expect(parseItemKey(itemKey(ref))).toEqual(ref);
		expect(parseItemKey('answer:x:y')).toBeNull();
		expect(parseItemKey("answer:1'; drop")).toBeNull();
	});
});

describe('suggestions', () => {
	const themes = [
		{ id: 'housing', keywords: { en: ['rent', 'housing'], fr: ['loyer', 'logement'] } },
		{ id: 'safety', keywords: { en: ['safety'], fr: ['sécurité'] } },
		{ id: 'transit', keywords: { en: ['bus'], fr: ['autobus'] } }
	];
	const target = {
		key: 't',
		text: 'The park is so dark at night, the streetlights are broken',
		language: 'en' as const
	};

	it('finds themes by their keywords in either language, accents folded', () => {
		const result = suggestAll(
			themes,
			[],
			[
				{ key: 'a', text: 'Les loyers sont trop chers', language: 'fr' },
				{ key: 'b', text: 'I feel no SECURITE walking home', language: 'fr' },
				{ key: 'c', text: 'The buses are always late', language: 'en' }
			]
		);
		expect(result.get('a')![0]).toMatchObject({ themeId: 'housing', keywords: ['loyer'] });
		expect(result.get('b')![0].themeId).toBe('safety');
		expect(result.get('c')![0].themeId).toBe('transit');
		for (const list of result.values())
			for (const s of list) expect(s.score).toBeGreaterThanOrEqual(MIN_SCORE);
	});

	it('improves as more items are coded: similar wording to coded items is suggested', () => {
		const before = suggestAll(themes, [], [target]).get('t')!;
		expect(before.find((s) => s.themeId === 'safety')).toBeUndefined();
		const coded: CodedText[] = [
			{
				key: 'c1',
				text: 'Dark streets at night, we need streetlights',
				language: 'en',
				themeIds: ['safety']
			},
			{
				key: 'c2',
				text: 'Broken streetlights near the park at night',
				language: 'en',
				themeIds: ['safety']
			},
			{ key: 'c3', text: 'Rent keeps going up', language: 'en', themeIds: ['housing'] }
		];
		const after = suggestAll(themes, coded, [target]).get('t')!;
		expect(after[0].themeId).toBe('safety');
		const more = suggestAll(
			themes,
			[
				...coded,
				{ key: 'c4', text: 'The park is dark at night', language: 'en', themeIds: ['safety'] }
			],
			[target]
		).get('t')!;
		expect(more[0].score).toBeGreaterThan(after[0].score);
	});

	it('leaves out themes already given or rejected, and keeps at most three', () => {
		const model = buildModel(themes, [], []);
		const item = { key: 'x', text: 'rent housing safety bus', language: 'en' as const };
		expect(
			suggestFor(model, item)
				.map((s) => s.themeId)
				.sort()
		).toEqual(['housing', 'safety', 'transit']);
		expect(suggestFor(model, item, new Set(['safety'])).map((s) => s.themeId)).not.toContain(
			'safety'
		);
	});

	it('suggests nothing for text with no shared terms', () => {
		expect(
			suggestAll(themes, [], [{ key: 'z', text: 'Merci !', language: 'fr' }]).get('z')
		).toEqual([]);
	});
});

describe('codebook CSV', () => {
	const header = 'code,parent,name_en,name_fr,keywords_en,keywords_fr';

	it('reads themes, parents first, keywords split', () => {
		const reading = readCodebookCsv(
			`${header}\nrent,housing,Rent,Loyer,rent; landlord,loyer\nhousing,,Housing,Logement,,`,
			[]
		);
		expect(reading.ok).toBe(true);
		if (!reading.ok) return;
		expect(reading.themes.map((t) => t.code)).toEqual(['housing', 'rent']);
		expect(reading.themes[1].keywords).toEqual({ en: ['rent', 'landlord'], fr: ['loyer'] });
	});

	it('names the row and column of every problem and accepts nothing then', () => {
		const reading = readCodebookCsv(
			`${header}\nBad Code,,X,Y,,\nok,,,Nom,,\nsub,missing,S,S,,\nok2,,A,A,,\nok2,,B,B,,`,
			[]
		);
		expect(reading).toEqual({
			ok: false,
			problems: [
				{ row: 2, column: 'code', error: 'codebook.errors.code_format' },
				{ row: 3, column: 'name_en', error: 'codebook.errors.name_required' },
				{ row: 4, column: 'parent', error: 'codebook.errors.unknown_parent' },
				{ row: 6, column: 'code', error: 'codebook.errors.repeated_code' }
			]
		});
	});

	it('refuses unknown or missing columns and a second level of sub-themes', () => {
		expect(readCodebookCsv('code,colour\nx,red', [])).toMatchObject({
			ok: false,
			problems: [
				{ row: 1, column: 'colour', error: 'codebook.errors.unknown_column' },
				{ row: 1, column: 'name_en', error: 'codebook.errors.missing_column' },
				{ row: 1, column: 'name_fr', error: 'codebook.errors.missing_column' }
			]
		});
		const existing = [{ code: 'rent', parentCode: 'housing', hasChildren: false }];
		expect(readCodebookCsv(`${header}\nx,rent,X,X,,`, existing)).toMatchObject({
			ok: false,
			problems: [{ row: 2, column: 'parent', error: 'codebook.errors.too_deep' }]
		});
	});

	it('exports what it imports', () => {
		const theme = {
			code: 'housing',
			parentCode: null,
			name: { en: 'Housing', fr: 'Logement' },
			description: { en: 'Homes', fr: 'Maisons' },
			examples: { en: 'Rent is high', fr: 'Le loyer' },
			keywords: { en: ['rent', 'landlord'], fr: ['loyer'] }
		};
		const csv = codebookRows([theme])
			.map((r) => r.map((c) => `"${c}"`).join(','))
			.join('\n');
		const reading = readCodebookCsv(csv, []);
		expect(reading.ok && reading.themes[0]).toEqual({
			...theme,
			parent: '',
			parentCode: undefined
		});
		expect(splitKeywords('a; b,a\nc')).toEqual(['a', 'b', 'c']);
	});
});

import { describe, expect, it } from 'vitest';
import {
	buildProfile,
	fullGeography,
	readFixture,
	realHeader
} from '../../../../tests/fixtures/census/build-profile';
import { censusBaselines } from './census-mapping';
import {
	censusNumber,
	characteristicDepth,
	characteristicIdOf,
	recogniseCensusHeader
} from './census-profile';
import { detectEncoding, readCensusProfile, type CensusReading } from './read-census-profile';

/** bytes in chunks of `size`, as a stream would deliver them */
async function* chunked(bytes: Uint8Array, size = 7) {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const read = (bytes: Uint8Array, size?: number) => readCensusProfile(chunked(bytes, size));
function ok(reading: CensusReading) {
	if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
	return reading;
}

describe('Census Profile cells', () => {
	it('reads numbers, and symbols as unknown, never zero', () => {
		expect(censusNumber('8881', '')).toBe(8881);
		expect(censusNumber('-4.9', '')).toBe(-4.9);
		expect(censusNumber(' 1,234 ', '')).toBe(1234);
		for (const symbol of ['x', 'X', '..', '...', 'F'])
			expect(censusNumber('', symbol), symbol).toBeNull();
		// a symbol in the symbol column wins over a stray value
		expect(censusNumber('12', 'x')).toBeNull();
		// "E": use with caution, the number stands
		expect(censusNumber('40', 'E')).toBe(40);
		expect(censusNumber('x')).toBeNull();
		expect(censusNumber('')).toBeNull();
		expect(censusNumber('twelve')).toBeUndefined();
	});

	it('measures depth from leading spaces, two per level', () => {
		expect(characteristicDepth('Total - Age groups of the population - 100% data')).toBe(0);
		expect(characteristicDepth('  0 to 14 years')).toBe(1);
		expect(characteristicDepth('      85 to 89 years')).toBe(3);
	});

	it('finds a row’s characteristic id without parsing the whole row, commas and quotes in names included', () => {
		const [, row] = new TextDecoder().decode(readFixture('ada-10010001-2021.csv')).split('\n');
		expect(characteristicIdOf(row)).toBe(1);
		expect(
			characteristicIdOf(
				'2021,"2021A00053506008","3506008","Census subdivision","Ottawa, ""the capital""",2.1,3.4,"00000",1416,"  Renter",,1,""'
			)
		).toBe(1416);
		expect(characteristicIdOf('2021,"unclosed,3.1')).toBeNull();
		expect(characteristicIdOf('2021,"a","b","c","d",1,2,"00000",nine,"x"')).toBeNull();
	});

	it('recognises the English header, the French header by position, and nothing else', () => {
		expect(recogniseCensusHeader(realHeader.split(','))).toBe('en');
		const french = realHeader
			.replace('CHARACTERISTIC_ID', 'ID_CARACTÉRISTIQUE')
			.replace('CENSUS_YEAR', 'ANNÉE_RECENSEMENT')
			.replace('C1_COUNT_TOTAL', 'C1_CHIFFRE_TOTAL');
		expect(recogniseCensusHeader(french.split(','))).toBe('fr');
		expect(recogniseCensusHeader(['Q1', 'Q2'])).toBeNull();
	});
});

describe('reading real Census Profile samples', () => {
	it('reads the real ADA 10010001 rows: population, and gender aged 15+ from ID 8 less ID 9', async () => {
		const reading = ok(await read(readFixture('ada-10010001-2021.csv')));
		expect(reading.extract.year).toBe(2021);
		expect(reading.extract.language).toBe('en');
		expect(reading.extract.geographies).toEqual([
			{
				code: '10010001',
				dguid: '2021S051610010001',
				name: '10010001',
				level: 'Aggregate dissemination area',
				tnrSf: 3.1,
				tnrLf: 4.6,
				qualityFlag: '00000',
				population: 8881
			}
		]);
		expect(reading.extract.values['10010001']['8']).toEqual([8880, 4365, 4515]);
		const previews = censusBaselines(reading.extract, ['10010001']);
		// the sample stops at ID 9: only gender can be computed, from real figures
		expect(previews).toEqual([
			{
				dimension: 'gender',
				counts: { woman: 4515 - 465, man: 4365 - 460 },
				unknown: [],
				universe: 8880 - 925
			}
		]);
	});

	it('reads the real Canada row: code 01 keeps its leading zero, flag kept as text', async () => {
		const reading = await read(readFixture('canada-2021.csv'));
		// the row is Population only: no characteristic we map
		expect(reading.ok).toBe(false);
		if (!reading.ok) expect(reading.problems[0].key).toBe('baselines.errors.nothing_mapped');
		const withAge = buildProfile([{ code: '01', name: 'Canada', values: { 8: 100, 9: 10 } }]);
		const canada = ok(await read(utf8(withAge)));
		expect(canada.extract.geographies[0].code).toBe('01');
	});
});

describe('reading built files (made-up counts, real header and IDs)', () => {
	it('maps every dimension, summing census bands into our groups', async () => {
		const reading = ok(await read(utf8(buildProfile([fullGeography('35061234')])), 4096));
		const byDimension = Object.fromEntries(
			censusBaselines(reading.extract, ['35061234']).map((p) => [p.dimension, p])
		);
		expect(Object.keys(byDimension)).toEqual([
			'age_group',
			'gender',
			'first_official_language',
			'indigenous_identity',
			'immigrant_status',
			'racialized_group',
			'housing_tenure'
		]);
		expect(byDimension.age_group.counts).toEqual({
			'15_24': 130,
			'25_34': 130,
			'35_44': 130,
			'45_54': 130,
			'55_64': 130,
			'65_74': 80,
			'75_plus': 120
		});
		expect(byDimension.age_group.universe).toBe(850);
		expect(byDimension.gender.counts).toEqual({ woman: 435, man: 415 });
		expect(byDimension.first_official_language.counts).toEqual({
			english: 700,
			french: 250,
			both: 20,
			neither: 25
		});
		expect(byDimension.immigrant_status.counts).toEqual({
			non_immigrant: 700,
			immigrant_10_plus_years: 160,
			immigrant_under_10_years: 100,
			non_permanent_resident: 20
		});
		expect(byDimension.housing_tenure.counts).toEqual({ owner: 250, renter: 165, other: 5 });
		expect(byDimension.racialized_group.counts).toEqual({ racialized: 300, not_racialized: 680 });
		expect(byDimension.indigenous_identity.counts.not_indigenous).toBe(920);
	});

	it('lists several geographies and sums the chosen ones', async () => {
		const text = buildProfile([
			fullGeography('35061234'),
			fullGeography('35061235', 2),
			fullGeography('35061236', 3)
		]);
		const reading = ok(await read(utf8(text), 1000));
		expect(reading.extract.geographies.map((g) => [g.code, g.population])).toEqual([
			['35061234', 1000],
			['35061235', 2000],
			['35061236', 3000]
		]);
		const [age] = censusBaselines(reading.extract, ['35061234', '35061236']);
		expect(age.counts['15_24']).toBe(130 * 4);
	});

	it('turns suppressed cells into unknown groups, in every geography summed', async () => {
		const geo = fullGeography('35061234');
		geo.values[1407] = 'x';
		geo.values[1536] = '..';
		geo.values[1534] = 'F';
		const other = fullGeography('35061235');
		other.values[1416] = 'x';
		const reading = ok(await read(utf8(buildProfile([geo, other]))));
		const previews = Object.fromEntries(
			censusBaselines(reading.extract, ['35061234', '35061235']).map((p) => [p.dimension, p])
		);
		expect(previews.indigenous_identity.unknown).toEqual(['inuit']);
		expect(previews.indigenous_identity.counts).not.toHaveProperty('inuit');
		expect(previews.immigrant_status.unknown).toEqual(['immigrant_under_10_years']);
		expect(previews.housing_tenure.unknown).toEqual(['renter']);
		expect(previews.housing_tenure.counts).toEqual({ owner: 500, other: 10 });
	});

	it('decodes latin-1 (cp1252) names with accents, and UTF-8 ones, across chunk boundaries', async () => {
		const text = buildProfile([
			{ code: '24231035', name: 'Lévis–Québec', values: { 8: 10, 9: 1, 1406: 5 } }
		]);
		for (const [bytes, encoding] of [
			[latin1(text.replace('–', '-')), 'windows-1252'],
			[utf8(text), 'utf-8']
		] as const) {
			for (const size of [1, 3, 64]) {
				const reading = ok(await read(bytes, size));
				expect(reading.encoding).toBe(encoding);
				expect(reading.extract.geographies[0].name).toMatch(/^Lévis.Québec$/);
			}
		}
		expect(detectEncoding(utf8('plain ascii'))).toBe('windows-1252');
		expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8');
	});

	it('accepts CRLF line endings and reports progress in bytes', async () => {
		const bytes = utf8(buildProfile([fullGeography('35061234')], { crlf: true }));
		const seen: number[] = [];
		const reading = ok(await readCensusProfile(chunked(bytes, 500), (n) => seen.push(n)));
		expect(reading.extract.values['35061234']['1415']).toEqual([250, 250, 250]);
		expect(seen.at(-1)).toBe(bytes.length);
		expect(seen.length).toBeGreaterThan(3);
	});

	it('reads a French file: same positions, names checked by depth only', async () => {
		const text = buildProfile([{ code: '24231035', values: { 8: 100, 9: 10, 1406: 5 } }])
			.replace('CHARACTERISTIC_ID', 'ID_CARACTÉRISTIQUE')
			.replace('"Métis"', '"      Métis"')
			.replace('      Métis', '      Métis')
			.replace('Total - Age groups of the population - 100% data', 'Total - Groupes d’âge');
		const reading = ok(await read(latin1(text.replace('’', "'"))));
		expect(reading.extract.language).toBe('fr');
	});
});

describe('bad files', () => {
	const problems = async (text: string | Uint8Array) => {
		const reading = await read(typeof text === 'string' ? utf8(text) : text, 64);
		if (reading.ok) throw new Error('read a bad file');
		return reading.problems;
	};

	it('names the header when the file is not a Census Profile', async () => {
		expect(await problems('Q1,Q2,Q3\nyes,no,maybe\n')).toEqual([
			{ row: 1, key: 'baselines.errors.not_census_header', params: { found: 'Q1, Q2, Q3' } }
		]);
		expect((await problems(''))[0].key).toBe('baselines.errors.empty_file');
		expect((await problems(realHeader + '\n'))[0]).toMatchObject({
			row: 2,
			key: 'baselines.errors.no_rows'
		});
		const v2016 =
			'CENSUS_YEAR,GEO_CODE (POR),GEO_LEVEL,GEO_NAME,GNR,DATA_QUALITY_FLAG,ALT_GEO_CODE,DIM: Profile of Dissemination Areas (2247)\n';
		expect((await problems(v2016))[0].key).toBe('baselines.errors.format_2016');
	});

	it('names the row and what was expected: columns, numbers, ids and names', async () => {
		const good = buildProfile([fullGeography('35061234')]).split('\n');
		const row = (n: number) => good[n - 1];
		const lines = [...good];
		lines[2] = row(3).replace(/,"\.\.\."$/, ''); // a column short
		lines[3] = row(4).replace(/,9," {2}0 to 14 years"/, ',nine,"  0 to 14 years"');
		lines[4] = row(5).replace(/,,650,"",/, ',,six fifty,"",');
		lines[5] = row(6).replace('15 to 19 years', '15 to 19 ans');
		const found = await problems(lines.join('\n'));
		expect(found).toEqual([
			{ row: 3, key: 'baselines.errors.column_count', params: { expected: 23, found: 22 } },
			{ row: 4, key: 'baselines.errors.characteristic_id', params: { found: 'nine' } },
			{
				row: 5,
				key: 'baselines.errors.not_a_number',
				params: { column: 'C1', found: 'six fifty' }
			},
			{
				row: 6,
				key: 'baselines.errors.unexpected_characteristic',
				params: { id: 14, expected: '15 to 19 years', found: '15 to 19 ans' }
			}
		]);
	});

	it('refuses a file mixing census years, and an unclosed quote', async () => {
		const two = buildProfile([fullGeography('35061234'), fullGeography('35061235')]);
		const mixed = two.replace(/^2021(,"2021S051235061235")/m, '2016$1');
		expect((await problems(mixed))[0]).toMatchObject({
			key: 'baselines.errors.mixed_years',
			params: { expected: 2021, found: 2016 }
		});
		const broken = buildProfile([fullGeography('35061234')]).replace('Renter"', 'Renter');
		expect((await problems(broken)).map((p) => p.key)).toContain('baselines.errors.csv_syntax');
	});

	it('stops after 20 problems', async () => {
		expect(await problems(Array(60).fill('1,2').join('\n'))).toHaveLength(1);
		const lines = buildProfile([fullGeography('35061234')]).split('\n');
		const broken = lines.map((line, i) => (i === 0 ? line : line.replace(/,"\.\.\."$/, '')));
		expect(await problems(broken.join('\n'))).toHaveLength(20);
	});
});

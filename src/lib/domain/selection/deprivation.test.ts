import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDeprivationFile, quintilesOf, rankAreas, readDeprivationFile } from './deprivation';

const sample = readFileSync(
	new URL('../../../../tests/fixtures/deprivation/deprivation_sample.csv', import.meta.url),
	'utf8'
);

describe('readDeprivationFile', () => {
	it('reads the CIMD sample with scores only and computes quintiles within it', () => {
		const reading = readDeprivationFile(sample);
		if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
		expect(reading.areas).toHaveLength(135);
		expect(reading.dimensions).toEqual([
			'residential_instability',
			'economic_dependency',
			'ethnocultural_composition',
			'situational_vulnerability'
		]);
		expect(reading.computedQuintiles).toBe(true);
		const first = reading.areas[0];
		expect(first).toMatchObject({ dauid: '12010030', province: 'NS' });
		expect(first.scores.economic_dependency).toBe(1.768);
		// each quintile holds about a fifth of the areas
		const fives = reading.areas.filter((a) => a.quintiles.economic_dependency === 5).length;
		expect(fives).toBeGreaterThanOrEqual(26);
		expect(fives).toBeLessThanOrEqual(28);
	});

	it('keeps the quintiles a file gives and reads latin-1 region names', () => {
		const bytes = new Uint8Array([
			...new TextEncoder().encode(
				'PRCDDA,CDname/DRnom,Province,Economic dependency Quintiles,Economic dependency Scores\n24660001,Montr'
			),
			0xe9,
			...new TextEncoder().encode('al,Quebec,4,0.5\n')
		]);
		const reading = readDeprivationFile(decodeDeprivationFile(bytes));
		if (!reading.ok) throw new Error('refused');
		expect(reading.computedQuintiles).toBe(false);
		expect(reading.areas[0]).toMatchObject({
			region: 'Montréal',
			province: 'Quebec',
			quintiles: { economic_dependency: 4 }
		});
	});

	it('refuses the whole file, naming line and column of each problem', () => {
		const reading = readDeprivationFile(
			'DAUID,SCOREMAT,QuintSoc\n12010030,0.5,3\n1201,0.1,2\n12010031,abc,6\n12010030,1,1\n'
		);
		expect(reading.ok).toBe(false);
		if (reading.ok) return;
		expect(reading.problems).toEqual([
			{ line: 3, column: 'DAUID', error: 'areas.errors.bad_dauid' },
			{ line: 4, column: 'SCOREMAT', error: 'areas.errors.bad_score' },
			{ line: 5, column: 'DAUID', error: 'areas.errors.repeated_dauid' }
		]);
	});

	it('refuses a file without a key or a dimension column', () => {
		const reading = readDeprivationFile('code,value\n1,2\n');
		expect(reading.ok).toBe(false);
	});
});

describe('quintilesOf and rankAreas', () => {
	it('gives each score the quintile of its rank, ties sharing the lower rank', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1 }), (scores) => {
				const naive = scores.map(
					(score) => Math.floor((scores.filter((s) => s < score).length * 5) / scores.length) + 1
				);
				expect(quintilesOf(scores)).toEqual(naive);
			})
		);
	});

	it('puts the highest fifth in quintile 5', () => {
		expect(quintilesOf([5, 1, 4, 2, 3])).toEqual([5, 1, 4, 2, 3]);
		expect(quintilesOf([1, 1, 1, 1, 1])).toEqual([1, 1, 1, 1, 1]);
	});

	it('ranks most deprived first and filters by quintile and province', () => {
		const areas = [
			{
				dauid: '12000001',
				province: 'NS',
				region: '',
				scores: { material: 1 },
				quintiles: { material: 5 }
			},
			{
				dauid: '12000002',
				province: 'NS',
				region: '',
				scores: { material: 2 },
				quintiles: { material: 5 }
			},
			{
				dauid: '35000001',
				province: 'ON',
				region: '',
				scores: { material: 0 },
				quintiles: { material: 3 }
			}
		];
		expect(
			rankAreas(areas, { dimension: 'material', minQuintile: 1, place: '' }).map((a) => a.dauid)
		).toEqual(['12000002', '12000001', '35000001']);
		expect(rankAreas(areas, { dimension: 'material', minQuintile: 4, place: '' })).toHaveLength(2);
		expect(rankAreas(areas, { dimension: null, minQuintile: 1, place: 'on' })).toHaveLength(1);
	});
});

import { describe, expect, it } from 'vitest';
import { SECTORS, checkTeam } from './sectors';

describe('checkTeam', () => {
	it('lists every sector as missing for an empty team', () => {
		const check = checkTeam([]);
		expect(check.missing).toEqual([...SECTORS]);
		expect(check.livedExperience).toBe(false);
	});

	it('names only the sectors nobody represents, in the fixed order', () => {
		const check = checkTeam([
			{ sector: 'media', livedExperience: false },
			{ sector: 'non_profit', livedExperience: true },
			{ sector: 'non_profit', livedExperience: false }
		]);
		expect(check.missing).toEqual([
			'research',
			'grassroots',
			'private_sector',
			'government',
			'population_specific'
		]);
		expect(check.counts.non_profit).toBe(2);
		expect(check.livedExperience).toBe(true);
	});

	it('finds nothing missing when all seven sectors sit at the table', () => {
		const check = checkTeam(SECTORS.map((sector) => ({ sector, livedExperience: false })));
		expect(check.missing).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { fitBradleyTerry, winChanceScores } from './bradley-terry';

/*
 * Reference: Agresti, Categorical Data Analysis (2nd ed., 2002), §10.6, Table 10.11: games of the
 * 1987 season between the seven teams of the American League East. Home and away results as in
 * the `baseball` data of the R package BradleyTerry2 (home team, away team, home wins, away wins).
 * Published fit of the model without home advantage, log-strengths relative to Baltimore:
 * Milwaukee 1.58, Detroit 1.44, Toronto 1.29, New York 1.25, Boston 1.11, Cleveland 0.68,
 * standard errors about 0.3.
 */
const teams = ['Milwaukee', 'Detroit', 'Toronto', 'New York', 'Boston', 'Cleveland', 'Baltimore'];
const games: [string, string, number, number][] = [
	['Milwaukee', 'Detroit', 4, 3],
	['Milwaukee', 'Toronto', 4, 2],
	['Milwaukee', 'New York', 4, 3],
	['Milwaukee', 'Boston', 6, 1],
	['Milwaukee', 'Cleveland', 4, 2],
	['Milwaukee', 'Baltimore', 6, 0],
	['Detroit', 'Milwaukee', 3, 3],
	['Detroit', 'Toronto', 4, 2],
	['Detroit', 'New York', 4, 3],
	['Detroit', 'Boston', 6, 0],
	['Detroit', 'Cleveland', 6, 1],
	['Detroit', 'Baltimore', 4, 3],
	['Toronto', 'Milwaukee', 2, 5],
	['Toronto', 'Detroit', 4, 3],
	['Toronto', 'New York', 2, 4],
	['Toronto', 'Boston', 4, 3],
	['Toronto', 'Cleveland', 4, 2],
	['Toronto', 'Baltimore', 6, 0],
	['New York', 'Milwaukee', 3, 3],
	['New York', 'Detroit', 5, 1],
	['New York', 'Toronto', 2, 5],
	['New York', 'Boston', 4, 3],
	['New York', 'Cleveland', 4, 2],
	['New York', 'Baltimore', 6, 1],
	['Boston', 'Milwaukee', 5, 1],
	['Boston', 'Detroit', 2, 5],
	['Boston', 'Toronto', 3, 3],
	['Boston', 'New York', 4, 2],
	['Boston', 'Cleveland', 5, 2],
	['Boston', 'Baltimore', 6, 0],
	['Cleveland', 'Milwaukee', 2, 5],
	['Cleveland', 'Detroit', 3, 3],
	['Cleveland', 'Toronto', 3, 4],
	['Cleveland', 'New York', 4, 3],
	['Cleveland', 'Boston', 4, 2],
	['Cleveland', 'Baltimore', 2, 4],
	['Baltimore', 'Milwaukee', 2, 5],
	['Baltimore', 'Detroit', 1, 5],
	['Baltimore', 'Toronto', 1, 6],
	['Baltimore', 'New York', 2, 4],
	['Baltimore', 'Boston', 1, 6],
	['Baltimore', 'Cleveland', 3, 4]
];
const published = [1.58, 1.44, 1.29, 1.25, 1.11, 0.68, 0];

function winMatrix() {
	const wins = teams.map(() => teams.map(() => 0));
	for (const [home, away, homeWins, awayWins] of games) {
		const h = teams.indexOf(home);
		const a = teams.indexOf(away);
		wins[h][a] += homeWins;
		wins[a][h] += awayWins;
	}
	return wins;
}

describe('Bradley–Terry by the MM algorithm', () => {
	it("reproduces Agresti's baseball estimates (Table 10.11)", () => {
		const fit = fitBradleyTerry(winMatrix());
		expect(fit.converged).toBe(true);
		const strengths = fit.strengths as number[];
		const baltimore = strengths[6];
		const logs = strengths.map((g) => Math.round(Math.log(g / baltimore) * 100) / 100);
		expect(logs).toEqual(published);
	});

	it('solves the likelihood equations: expected wins equal observed wins', () => {
		const wins = winMatrix();
		const g = fitBradleyTerry(wins).strengths as number[];
		wins.forEach((row, i) => {
			const observed = row.reduce((sum, value) => sum + value, 0);
			const expected = row.reduce(
				(sum, _, j) => (j === i ? sum : sum + (wins[i][j] + wins[j][i]) * (g[i] / (g[i] + g[j]))),
				0
			);
			expect(expected).toBeCloseTo(observed, 6);
		});
	});

	it('stays finite when an option never wins, thanks to the prior', () => {
		const fit = fitBradleyTerry(
			[
				[0, 3, 2],
				[0, 0, 1],
				[0, 0, 0]
			],
			{ prior: 0.5 }
		);
		const [a, b, c] = fit.strengths as number[];
		expect(fit.converged).toBe(true);
		expect(c).toBeGreaterThan(0);
		expect(a).toBeGreaterThan(b);
		expect(b).toBeGreaterThan(c);
		const chances = winChanceScores(fit.strengths) as number[];
		expect(chances.reduce((s, v) => s + v, 0)).toBeCloseTo(150, 6);
	});
});

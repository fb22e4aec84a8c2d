/*
 * Bradley–Terry model for "which matters more?" comparisons: option i beats option j with
 * probability γi / (γi + γj). Strengths are fitted by maximum likelihood with the MM algorithm of
 * Hunter (2004, "MM algorithms for generalized Bradley–Terry models", Annals of Statistics 32:1),
 * eq. (3): γi ← Wi / Σj Nij / (γi + γj), where Wi is i's wins and Nij the comparisons of i and j.
 */

export interface BradleyTerryFit {
	/** strengths γ, scaled to sum to the number of options (so 1 is average); null: never compared */
	strengths: (number | null)[];
	iterations: number;
	converged: boolean;
}

/**
 * wins[i][j]: how many times i was preferred to j (fractional when ballots are weighted).
 * prior: pseudo-wins added both ways to every pair of compared options. It keeps the estimate
 * finite when an option never wins or never loses (the MLE would be 0 or infinite, Hunter's
 * Assumption 1), and pulls small samples towards "all equal". 0 gives the plain MLE.
 */
export function fitBradleyTerry(
	wins: readonly (readonly number[])[],
	{ prior = 0, tolerance = 1e-10, maxIterations = 10_000 } = {}
): BradleyTerryFit {
	const n = wins.length;
	const w = wins.map((row, i) => row.map((value, j) => (i === j ? 0 : value)));
	const compared = w.map((row, i) => row.map((value, j) => value + w[j][i] > 0));
	const active = compared.map((row) => row.some(Boolean));
	if (prior > 0)
		for (let i = 0; i < n; i++)
			for (let j = 0; j < n; j++) if (i !== j && active[i] && active[j]) w[i][j] += prior;
	const totalWins = w.map((row) => row.reduce((sum, value) => sum + value, 0));
	const count = w.map((row, i) => row.map((value, j) => value + w[j][i]));
	let gamma: number[] = active.map((on) => (on ? 1 : 0));
	const activeCount = active.filter(Boolean).length;
	let iterations = 0;
	let converged = activeCount < 2;
	while (!converged && iterations < maxIterations) {
		iterations++;
		const next = gamma.map((g, i) => {
			if (!active[i]) return 0;
			let denominator = 0;
			for (let j = 0; j < n; j++)
				if (j !== i && count[i][j] > 0) denominator += count[i][j] / (g + gamma[j]);
			return denominator > 0 ? totalWins[i] / denominator : g;
		});
		const scale = activeCount / next.reduce((sum, value) => sum + value, 0);
		for (let i = 0; i < n; i++) next[i] *= scale;
		const change = Math.max(...next.map((value, i) => Math.abs(value - gamma[i])));
		gamma = next;
		if (!Number.isFinite(change)) break;
		converged = change < tolerance;
	}
	return {
		strengths: gamma.map((g, i) => (active[i] ? g : null)),
		iterations,
		converged
	};
}

/**
 * All Our Ideas' score: the chance, in %, that an option beats another option picked at random.
 * Easier to read than a strength, and it stays on 0–100 whatever the number of options.
 */
export function winChanceScores(strengths: readonly (number | null)[]): (number | null)[] {
	return strengths.map((gi, i) => {
		if (gi === null) return null;
		const others = strengths.filter((gj, j) => j !== i && gj !== null) as number[];
		if (others.length === 0) return null;
		const chance = others.reduce((sum, gj) => sum + (gi + gj > 0 ? gi / (gi + gj) : 0.5), 0);
		return (100 * chance) / others.length;
	});
}

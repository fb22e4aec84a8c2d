// The shape every benchmark module shares, and the helpers run.js uses to fill results.

/** Thrown by a benchmark that cannot run here (no Chromium, no Postgres, feature not built). */
export class Skip extends Error {
	constructor(reason) {
		super(reason);
		this.reason = reason;
	}
}

export function skip(reason) {
	throw new Skip(reason);
}

/** Budgets are { '<dotted path inside the section>': { lt | lte | gt | gte | eq: number } }. */
export function withinBudget(section, budgets) {
	const verdicts = {};
	for (const [path, budget] of Object.entries(budgets)) {
		const value = path.split('.').reduce((node, key) => node?.[key], section);
		if (typeof value !== 'number') {
			verdicts[path] = null;
			continue;
		}
		const [[op, limit]] = Object.entries(budget);
		verdicts[path] = {
			lt: value < limit,
			lte: value <= limit,
			gt: value > limit,
			gte: value >= limit,
			eq: value === limit
		}[op];
	}
	return verdicts;
}

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value, digits = 1) {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

/** A deep copy of a figures template (all nulls). */
export function blank(figures) {
	return structuredClone(figures);
}

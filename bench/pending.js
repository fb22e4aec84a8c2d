// Benchmarks whose features do not exist yet. Each has its final key, figures and budgets so
// results keep the contract's shape; replace an entry with a real module when its feature lands.
import { skip } from './lib/report.js';

export function pending(key, feature, figures, budgets) {
	return {
		key,
		figures,
		budgets,
		run() {
			skip(`feature not built yet: ${feature}`);
		}
	};
}

export const pendingBenchmarks = [];

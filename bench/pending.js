// Benchmarks whose features do not exist yet. Each has its final key, figures and budgets so
// results keep the contract's shape; replace an entry with a real module when its feature lands.
import { skip } from './lib/report.js';

function pending(key, feature, figures, budgets) {
	return {
		key,
		figures,
		budgets,
		run() {
			skip(`feature not built yet: ${feature}`);
		}
	};
}

export const pendingBenchmarks = [
	pending(
		'aggregate',
		'organizer results',
		{
			'10k': { postgres_ms: null, pglite_ms: null },
			'100k': { postgres_ms: null, pglite_ms: null },
			'1m': { postgres_ms: null, pglite_ms: null }
		},
		{ '1m.postgres_ms': { lt: 1000 } }
	)
];

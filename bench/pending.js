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

const latency = { rps: null, p50_ms: null, p99_ms: null, ratio: null };

export const pendingBenchmarks = [
	pending(
		'survey_page',
		'questionnaires (the demo questionnaire page)',
		{
			transfer_gzip_bytes: null,
			js_gzip_bytes: null,
			lighthouse: { performance: null, lcp_ms: null, tbt_ms: null, cls: null }
		},
		{
			transfer_gzip_bytes: { lt: 60000 },
			js_gzip_bytes: { lt: 40000 },
			'lighthouse.performance': { gte: 0.98 },
			'lighthouse.lcp_ms': { lte: 1500 },
			'lighthouse.tbt_ms': { lte: 100 },
			'lighthouse.cls': { lte: 0.02 }
		}
	),
	pending(
		'submit',
		'questionnaire responses (submission)',
		{ pglite: { ...latency }, postgres: { ...latency } },
		{
			'pglite.p99_ms': { lt: 100 },
			'postgres.p99_ms': { lt: 100 },
			'pglite.ratio': { gte: 0.5 },
			'postgres.ratio': { gte: 0.5 }
		}
	),
	pending(
		'raw_insert',
		'questionnaire responses (the reference insert for submit)',
		{ pglite: { tps: null }, postgres: { tps: null } },
		{}
	),
	pending(
		'aggregate',
		'organizer results',
		{
			'10k': { postgres_ms: null, pglite_ms: null },
			'100k': { postgres_ms: null, pglite_ms: null },
			'1m': { postgres_ms: null, pglite_ms: null }
		},
		{ '1m.postgres_ms': { lt: 1000 } }
	),
	pending(
		'event',
		'events (live event load)',
		{ phones: null, p95_ms: null, errors: null },
		{ phones: { gte: 500 }, p95_ms: { lt: 300 }, errors: { eq: 0 } }
	),
	pending(
		'coding',
		'coding (theme suggestions)',
		{ suggest_10k_ms: null },
		{ suggest_10k_ms: { lt: 5000 } }
	)
];

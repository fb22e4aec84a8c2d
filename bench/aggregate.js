// aggregate.<n>.<db>_ms: the time to compute every organizer result of one questionnaire with n
// responses (10k, 100k, 1m; --quick: 10k only), on PostgreSQL 15 and on embedded PGlite. The
// responses are generated in SQL (generate_series, one statement per table, never row by row)
// from a seeded hash, so every run stores the same data. The figure is the sum of the measured
// parts below, each the median of a few runs after a warm-up, run as the community's owner
// through row-level security, exactly as the pages run them.
//
// `parts` is a list on purpose: another kind of result (one vote round with n ballots) joins
// the figure as one more entry, with its own setup in `prepare` if it needs rows of its own.
import { performance } from 'node:perf_hooks';
import { startThrowawayPostgres } from '../scripts/throwaway-postgres.js';
import { loadAppModules, migrateWithOwner } from './lib/app-modules.js';
import { median, round } from './lib/report.js';
import { voteRoundPart } from './aggregate-votes.js';

const Q = (/** @type {number} */ n) => `00000000-0000-4000-8000-000000000${n}`;
const QUESTIONNAIRE = Q(100);
const COMMUNITY = '00000000-0000-4000-8000-000000000001';
const OWNER = '00000000-0000-4000-8000-0000000b0001';
const SIZES = /** @type {const} */ ([
	['10k', 10_000],
	['100k', 100_000],
	['1m', 1_000_000]
]);
/** the seed of the generator: change it and every run stores other (equally repeatable) data */
const SEED = 20261122;

/**
 * The generator: h(i, s) is a deterministic pseudo-random non-negative integer for response i
 * and stream s (hashint8 is PostgreSQL's own integer hash, the same in PGlite).
 */
const h = (/** @type {string} */ stream) => `abs(hashint8(i * 64 + ${stream} + ${SEED}))`;
const pick = (/** @type {string[]} */ values, /** @type {string} */ stream) =>
	`(array[${values.map((v) => `'${v}'`).join(',')}])[1 + ${h(stream)} % ${values.length}]`;

/** SQL that stores n responses to the demo questionnaire, with answers and demographics. */
function generate(/** @type {number} */ n) {
	const series = `from generate_series(1, ${n}) as i`;
	const id = `md5('response' || i)::uuid`;
	return [
		`insert into public.responses (id, questionnaire_id, community_id, channel, language, receipt_hash, submitted_at)
		select ${id}, '${QUESTIONNAIRE}', '${COMMUNITY}',
			${pick(['online', 'online', 'online', 'online', 'online', 'online', 'paper', 'kiosk', 'event', 'interview'], '1')}::public.response_channel,
			${pick(['en', 'en', 'fr'], '2')}::public.content_language,
			md5('receipt' || i),
			-- one every ten seconds, spread as a long listening period would have them
			timestamptz '2026-09-01' + i * interval '10 seconds'
		${series}`,
		`insert into public.answers (response_id, question_id, value)
		select ${id}, q, v ${series}
		cross join lateral (values
			('${Q(111)}'::uuid, to_jsonb(${pick(['under_1', '1_5', '6_10', 'over_10'], '3')})),
			('${Q(112)}'::uuid, to_jsonb(1 + ${h('4')} % 5)),
			('${Q(113)}'::uuid, to_jsonb(${h('5')} % 11)),
			('${Q(114)}'::uuid, (array['["housing"]', '["safety","parks"]', '["food"]', '["housing","transit","youth"]', '["parks"]', '["safety","food","transit"]'])[1 + ${h('6')} % 6]::jsonb),
			('${Q(115)}'::uuid, (array['["housing","safety","green"]', '["transit","housing","jobs"]', '["green","jobs","safety"]', '["safety","housing","transit"]'])[1 + ${h('7')} % 4]::jsonb),
			('${Q(116)}'::uuid, to_jsonb(${pick(['yes', 'no', 'no'], '8')})),
			('${Q(118)}'::uuid, to_jsonb(1 + ${h('9')} % 6)),
			('${Q(119)}'::uuid, to_jsonb(${pick(['More affordable housing near transit.', 'Des trottoirs déneigés en hiver.', 'Safer crossings on Montreal Road.'], '10')}))
		) as a(q, v)`,
		`insert into public.demographic_answers (response_id, dimension, value)
		select ${id}, d, v ${series}
		cross join lateral (values
			('age_group', ${pick(['15_24', '25_34', '25_34', '35_44', '35_44', '45_54', '55_64', '65_74', '75_plus', 'prefer_not_to_say'], '11')}),
			('first_official_language', ${pick(['english', 'english', 'french', 'french', 'both', 'neither', 'prefer_not_to_say'], '12')}),
			('housing_tenure', ${pick(['owner', 'renter', 'renter', 'other', 'prefer_not_to_say'], '13')})
		) as dem(d, v)
		where ${h('14')} % 10 <> 0`,
		'analyze'
	];
}

/** Census-like baselines of the demo community for the three dimensions it asks about. */
const BASELINES = `insert into public.population_baselines (community_id, dimension, counts, source) values
	('${COMMUNITY}', 'age_group', '{"15_24": 2900, "25_34": 4100, "35_44": 3600, "45_54": 3200, "55_64": 3100, "65_74": 2400, "75_plus": 1700}', 'manual'),
	('${COMMUNITY}', 'first_official_language', '{"english": 9800, "french": 9300, "both": 400, "neither": 1500}', 'manual'),
	('${COMMUNITY}', 'housing_tenure', '{"owner": 3400, "renter": 6100, "other": 200}', 'manual')`;

/**
 * The measured parts of "every organizer result of one questionnaire". Each gets the modules,
 * a transaction as the owner and the questionnaire's questions.
 */
export const parts = [
	{
		// the results page's own function: counts of everyone, and the latest written answers
		name: 'question_counts',
		/** @param {any} m @param {any} tx @param {any} questions */
		run: (m, tx, questions) =>
			m.results.questionnaireResults(tx, {
				questionnaireId: QUESTIONNAIRE,
				questions,
				filter: m.filters.noFilter,
				k: 10
			})
	},
	{
		name: 'demographic_filter',
		/** @param {any} m @param {any} tx @param {any} questions */
		run: (m, tx, questions) =>
			m.results.questionnaireResults(tx, {
				questionnaireId: QUESTIONNAIRE,
				questions,
				filter: { demographics: { housing_tenure: 'renter' } },
				k: 10
			})
	},
	{
		name: 'representation',
		/** @param {any} m @param {any} tx */
		run: (m, tx) =>
			m.dashboard.representationDashboard(tx, COMMUNITY, { questionnaire: QUESTIONNAIRE })
	},
	{
		name: 'weighted',
		/** @param {any} m @param {any} tx @param {any} questions */
		run: async (m, tx, questions) => {
			const baselines = await m.baselines.listPopulationBaselines(tx, COMMUNITY);
			const outcome = await m.weighted.weightedResults(tx, {
				questionnaireId: QUESTIONNAIRE,
				questions,
				filter: m.filters.noFilter,
				dimensions: ['age_group', 'housing_tenure'],
				baselines,
				k: 10
			});
			if (!outcome.ok) throw new Error(`weighting refused: ${JSON.stringify(outcome.problems)}`);
			return outcome;
		}
	},
	// one vote round with n ballots: its tallies overall, by channel and by group, in SQL
	voteRoundPart
];

/** The app's TypeScript modules this benchmark times, beside the database ones. */
export const loadModules = () =>
	loadAppModules({
		load: '/src/lib/server/questionnaires/load-questionnaire.ts',
		results: '/src/lib/server/questionnaires/questionnaire-results.ts',
		weighted: '/src/lib/server/questionnaires/weighted-results.ts',
		dashboard: '/src/lib/server/representation/representation-dashboard.ts',
		baselines: '/src/lib/server/representation/list-population-baselines.ts',
		filters: '/src/lib/domain/results/filters.ts',
		votes: voteRoundPart.modules.votes
	});

/**
 * A migrated database with the demo community, its owner and baselines, and n responses. The
 * responses are bulk-loaded as a restore would be (triggers off: no running counts kept row by
 * row), then counted once by public.recount_responses, timed apart: the figure is reading
 * results, and what counting costs each submission is in submit.*.
 */
export async function prepare(
	/** @type {any} */ m,
	/** @type {any} */ db,
	/** @type {number} */ n
) {
	await migrateWithOwner(m, db, COMMUNITY, OWNER);
	await db.exec(BASELINES);
	// one statement string: the setting holds on the one connection that runs it
	await db.exec(
		`set session_replication_role = replica; ${generate(n).join(';\n')}; reset session_replication_role`
	);
	const started = performance.now();
	await db.exec(`select public.recount_responses('${QUESTIONNAIRE}'); analyze`);
	const recountMs = round(performance.now() - started, 0);
	await voteRoundPart.prepare(db, n);
	return { recountMs };
}

/** Median time of each part as the owner, after one warm-up run; their sum is the figure. */
async function measure(
	/** @type {any} */ m,
	/** @type {any} */ db,
	/** @type {number} */ runs,
	/** @type {(line: string) => void} */ log
) {
	const owner = { role: 'authenticated', sub: OWNER };
	const questions = await m.withUser.withUser(db, owner, async (/** @type {any} */ tx) => {
		const loaded = await m.load.loadQuestionnaire(tx, { id: QUESTIONNAIRE });
		return m.results.questionsOf(loaded.definition);
	});
	/** @type {Record<string, number>} */
	const byPart = {};
	for (const part of parts) {
		const times = [];
		for (let run = 0; run <= runs; run++) {
			const started = performance.now();
			await m.withUser.withUser(db, owner, (/** @type {any} */ tx) => part.run(m, tx, questions));
			if (run > 0) times.push(performance.now() - started);
		}
		byPart[part.name] = round(median(times), 1);
		log(`    ${part.name}: ${byPart[part.name]} ms`);
	}
	return {
		total: round(
			Object.values(byPart).reduce((a, b) => a + b, 0),
			1
		),
		byPart
	};
}

/** @param {string} label @param {number} n */
const runsFor = (label, n) => (n >= 1_000_000 ? 2 : n >= 100_000 ? 3 : 5);

export const aggregate = {
	key: 'aggregate',
	figures: Object.fromEntries(
		SIZES.map(([label]) => [label, { postgres_ms: null, pglite_ms: null }])
	),
	budgets: { '1m.postgres_ms': { lt: 1000 } },
	/** @param {{ quick: boolean, log: (line: string) => void }} options */
	async run({ quick, log }) {
		const sizes = quick ? SIZES.slice(0, 1) : SIZES;
		const { modules: m, close } = await loadModules();
		/** @type {Record<string, any>} */
		const section = Object.fromEntries(
			SIZES.map(([label]) => [label, { postgres_ms: null, pglite_ms: null }])
		);
		section.parts = {};
		try {
			for (const [label, n] of sizes) {
				section.parts[label] = {};
				log(`  ${label} on PostgreSQL…`);
				const cluster = await startThrowawayPostgres({ durable: false });
				try {
					const db = await m.postgres.openPostgres(cluster.url, { max: 2 });
					try {
						const started = performance.now();
						const { recountMs } = await prepare(m, db, n);
						log(
							`    generated in ${Math.round(performance.now() - started)} ms (counted in ${recountMs} ms)`
						);
						const { total, byPart } = await measure(m, db, runsFor(label, n), log);
						section[label].postgres_ms = total;
						section[label].postgres_recount_ms = recountMs;
						section.parts[label].postgres = byPart;
					} finally {
						await db.close();
					}
				} finally {
					cluster.stop();
				}
				log(`  ${label} on PGlite…`);
				const db = await m.pglite.openPglite();
				try {
					const started = performance.now();
					const { recountMs } = await prepare(m, db, n);
					log(
						`    generated in ${Math.round(performance.now() - started)} ms (counted in ${recountMs} ms)`
					);
					const { total, byPart } = await measure(m, db, runsFor(label, n), log);
					section[label].pglite_ms = total;
					section[label].pglite_recount_ms = recountMs;
					section.parts[label].pglite = byPart;
				} catch (error) {
					// PGlite runs in WebAssembly with a bounded heap: say so rather than invent a figure.
					section[label].pglite_error = error instanceof Error ? error.message : String(error);
					log(`    PGlite could not: ${section[label].pglite_error}`);
				} finally {
					await db.close().catch(() => {});
				}
			}
		} finally {
			await close();
		}
		return section;
	}
};

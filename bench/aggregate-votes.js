// One vote round with n ballots (10k, 100k, 1m), on PostgreSQL 15 and on embedded PGlite: the
// time to read the round's tallies overall, by channel and by each profile answer (roundTotals,
// the running tallies cast_ballot keeps in SQL), as the community's owner through row-level
// security, as a live event screen reads them (the results page adds bootstrap intervals
// computed from the ballots themselves, not measured here). Ballots are generated in SQL
// (generate_series, one statement per table) from a seeded hash, so every run stores the same;
// their tallies are then computed by rebuild_vote_tallies, which the database tests check
// against the ones kept ballot by ballot.
//
// `voteRoundPart` is one of the parts of bench/aggregate.js: its time is in
// aggregate.parts.<n>.<db>.vote_round and counts in aggregate.<n>.<db>_ms. Run alone,
// `node bench/aggregate-votes.js [--quick] [--sizes=10k,100k] [--postgres-only]` measures only
// the vote round.
//
// `--results` measures the organizer's results page instead, on PostgreSQL: the time to load the
// round's ballots (loadCountedBallots, as the owner through RLS), to score them with bootstrap
// intervals (scoreRound), to score them again weighted on gender (weightRound), and the whole
// weighted page (weightedRoundResults: load, score, weight), each the median of a few runs after
// a warm-up; and, for comparison, the time
// to read the same ballots one row per ballot (per_ballot_load_ms), as the page did before it
// read them grouped into patterns.
import { performance } from 'node:perf_hooks';
import { startThrowawayPostgres } from '../scripts/throwaway-postgres.js';
import { loadAppModules, migrateWithOwner } from './lib/app-modules.js';
import { median, round } from './lib/report.js';

const COMMUNITY = '00000000-0000-4000-8000-000000000001';
const OWNER = '00000000-0000-4000-8000-0000000b0002';
const ROUND = '00000000-0000-4000-8000-0000000e0001';
const OPTION = (/** @type {number} */ n) =>
	`00000000-0000-4000-8000-0000000e01${String(n).padStart(2, '0')}`;
const OPTIONS = [1, 2, 3, 4, 5].map(OPTION);
const SIZES = /** @type {const} */ ([
	['10k', 10_000],
	['100k', 100_000],
	['1m', 1_000_000]
]);
/** the seed of the generator: change it and every run stores other (equally repeatable) data */
const SEED = 20261123;
const h = (/** @type {string} */ stream) => `abs(hashint8(i * 64 + ${stream} + ${SEED}))`;
const pick = (/** @type {string[]} */ values, /** @type {string} */ stream) =>
	`(array[${values.map((v) => `'${v}'`).join(',')}])[1 + ${h(stream)} % ${values.length}]`;

/**
 * SQL that stores a dot-voting round (5 options, 5 dots, at most 3 on one) and n ballots, each
 * placing its dots on three options from a seeded start (start, start + 1, start + 3 mod 5,
 * with 3 + 1 + 1 or 2 + 2 + 1 dots), most with a profile.
 */
function generate(/** @type {number} */ n) {
	const series = `from generate_series(1, ${n}) as i`;
	const id = `md5('ballot' || i)::uuid`;
	const options = OPTIONS.map(
		(option, i) =>
			`('${option}'::uuid, '${ROUND}'::uuid, ${i + 1}, '{"en":"Option ${i + 1}","fr":"Option ${i + 1}"}'::jsonb)`
	).join(', ');
	return [
		`insert into public.vote_rounds (id, community_id, slug, title, question, method, settings, status)
		values ('${ROUND}', '${COMMUNITY}', 'bench-round', '{"en":"Bench","fr":"Banc"}', '{"en":"Q","fr":"Q"}',
			'dots', '{"dots":5,"cap":3}', 'open')`,
		`insert into public.vote_options (id, round_id, position, label) values ${options}`,
		`insert into public.ballots (id, round_id, community_id, device_hash, channel, language)
		select ${id}, '${ROUND}', '${COMMUNITY}', md5('device' || i),
			${pick(['online', 'online', 'online', 'online', 'event', 'event', 'kiosk'], '1')}::public.response_channel,
			${pick(['en', 'en', 'fr'], '2')}::public.content_language
		${series}`,
		`insert into public.ballot_marks (ballot_id, round_id, option_id, value)
		select ${id}, '${ROUND}', (array[${OPTIONS.map((o) => `'${o}'::uuid`).join(',')}])[1 + (${h('3')} + k) % 5], v
		${series}
		cross join lateral (values (0, 2 + ${h('4')} % 2), (1, 2 - ${h('4')} % 2), (3, 1)) as m(k, v)`,
		`insert into public.ballot_profiles (ballot_id, round_id, dimension, value)
		select ${id}, '${ROUND}', d, v ${series}
		cross join lateral (values
			('age_group', ${pick(['15_24', '25_34', '25_34', '35_44', '45_54', '55_64', '65_74', '75_plus', 'prefer_not_to_say'], '5')}),
			('gender', ${pick(['woman', 'woman', 'man', 'man', 'another_gender', 'prefer_not_to_say'], '6')}),
			('first_official_language', ${pick(['english', 'french', 'french', 'both', 'neither'], '7')})
		) as p(d, v)
		where ${h('8')} % 10 <> 0`,
		// the running tallies cast_ballot keeps, computed at once for ballots inserted in bulk
		`select public.rebuild_vote_tallies('${ROUND}')`,
		'analyze'
	];
}

/** A part of bench/aggregate.js: its own rows (prepare), then the measured work (run). */
export const voteRoundPart = {
	name: 'vote_round',
	modules: { votes: '/src/lib/server/voting/round-totals.ts' },
	/** @param {any} db @param {number} n */
	prepare: async (db, n) => {
		for (const statement of generate(n)) await db.exec(statement);
	},
	/** @param {any} m @param {any} tx */
	run: async (m, tx) => {
		const totals = await m.votes.roundTotals(tx, ROUND);
		return totals;
	}
};

/** Every ballot of the round, one row each, its marks and profile aggregated (the old load). */
const PER_BALLOT = `select b.id, b.channel,
	coalesce((select jsonb_object_agg(m.option_id, m.value) from public.ballot_marks m where m.ballot_id = b.id), '{}') as marks,
	coalesce((select jsonb_agg(jsonb_build_object('winner', c.winner_id, 'loser', c.loser_id))
		from public.ballot_comparisons c where c.ballot_id = b.id), '[]') as comparisons,
	coalesce((select jsonb_object_agg(p.dimension, p.value) from public.ballot_profiles p where p.ballot_id = b.id), '{}') as profile
from public.ballots b where b.round_id = $1 order by b.cast_at, b.id`;

/** The organizer's results page: load, score, and score weighted, as --results describes. */
export const voteResultsPart = {
	name: 'vote_results',
	modules: {
		results: '/src/lib/server/voting/round-results.ts',
		weighted: '/src/lib/server/voting/weighted-round.ts',
		rounds: '/src/lib/server/voting/load-round.ts',
		weighting: '/src/lib/domain/weighting/vote-round.ts'
	},
	/** a census-like gender baseline, enough to weight the generated profiles */
	baselines: [{ dimension: 'gender', counts: { woman: 5100, man: 4800, another_gender: 100 } }],
	/** @param {any} m @param {any} db @param {number} n */
	measure: async (m, db, n) => {
		const owner = { role: 'authenticated', sub: OWNER };
		const asOwner = (/** @type {(tx: any) => Promise<any>} */ fn) =>
			m.withUser.withUser(db, owner, fn);
		const voteRound = await asOwner((tx) => m.rounds.loadRound(tx, { id: ROUND }));
		const runs = n >= 1_000_000 ? 2 : 3;
		/** @type {Record<string, number[]>} */
		const times = { load: [], score: [], weighted: [], page: [], perBallot: [] };
		for (let run = 0; run <= runs; run++) {
			let started = performance.now();
			const { ballots, paper } = await asOwner((tx) => m.results.loadCountedBallots(tx, ROUND));
			const loaded = performance.now() - started;
			started = performance.now();
			const results = m.results.scoreRound(voteRound, ballots, paper, 10);
			const scored = performance.now() - started;
			if (results.ballots !== n) throw new Error(`scored ${results.ballots} ballots, not ${n}`);
			started = performance.now();
			const weighted = m.weighting.weightRound(
				m.rounds.rulesOf(voteRound),
				ballots,
				paper,
				results,
				{ dimensions: ['gender'], baselines: voteResultsPart.baselines, k: 10, seed: 1 }
			);
			const weighting = performance.now() - started;
			if (!weighted.ok) throw new Error('weighting refused');
			started = performance.now();
			const both = await asOwner((tx) =>
				m.weighted.weightedRoundResults(tx, voteRound, {
					k: 10,
					dimensions: ['gender'],
					baselines: voteResultsPart.baselines
				})
			);
			const page = performance.now() - started;
			if (!both.weighted?.ok) throw new Error('weighting refused');
			started = performance.now();
			const rows = await asOwner((tx) => tx.query(PER_BALLOT, [ROUND]));
			const perBallot = performance.now() - started;
			if (rows.length !== n) throw new Error(`read ${rows.length} ballots, not ${n}`);
			if (run === 0) continue;
			times.perBallot.push(perBallot);
			times.load.push(loaded);
			times.score.push(scored);
			times.weighted.push(weighting);
			times.page.push(page);
		}
		return {
			load_ms: round(median(times.load), 1),
			score_ms: round(median(times.score), 1),
			weighted_ms: round(median(times.weighted), 1),
			weighted_page_ms: round(median(times.page), 1),
			per_ballot_load_ms: round(median(times.perBallot), 1)
		};
	}
};

/** The results page at the given sizes, on PostgreSQL. */
async function resultsAlone(
	/** @type {readonly (readonly [string, number])[]} */ sizes,
	/** @type {(line: string) => void} */ log
) {
	const { modules: m, close } = await loadAppModules(voteResultsPart.modules);
	/** @type {Record<string, any>} */
	const section = {};
	try {
		for (const [label, n] of sizes) {
			log(`  results page, ${label} ballots on PostgreSQL…`);
			const cluster = await startThrowawayPostgres({ durable: false });
			try {
				const db = await m.postgres.openPostgres(cluster.url, { max: 2 });
				try {
					await prepare(m, db, n);
					section[label] = await voteResultsPart.measure(m, db, n);
					log(`    ${JSON.stringify(section[label])}`);
				} finally {
					await db.close();
				}
			} finally {
				cluster.stop();
			}
		}
	} finally {
		await close();
	}
	return section;
}

/** Three marks per ballot: any other count means RLS or the query lost ballots. */
function check(/** @type {any[]} */ totals, /** @type {number} */ n) {
	const counted = totals
		.filter((row) => row.grouping === 'all')
		.reduce((sum, row) => sum + row.ballots, 0);
	if (counted !== 3 * n) throw new Error(`counted ${counted} marks, expected ${3 * n}`);
}

const loadModules = () => loadAppModules({ votes: voteRoundPart.modules.votes });

/** A migrated database with the demo community, an owner, and the round with n ballots. */
async function prepare(/** @type {any} */ m, /** @type {any} */ db, /** @type {number} */ n) {
	await migrateWithOwner(m, db, COMMUNITY, OWNER);
	await voteRoundPart.prepare(db, n);
}

/** Median time as the owner after one warm-up run. */
async function measure(/** @type {any} */ m, /** @type {any} */ db, /** @type {number} */ n) {
	const owner = { role: 'authenticated', sub: OWNER };
	const runs = n >= 1_000_000 ? 2 : n >= 100_000 ? 3 : 5;
	const times = [];
	for (let run = 0; run <= runs; run++) {
		const started = performance.now();
		const totals = await m.withUser.withUser(db, owner, (/** @type {any} */ tx) =>
			voteRoundPart.run(m, tx)
		);
		if (run > 0) times.push(performance.now() - started);
		check(totals, n);
	}
	return round(median(times), 1);
}

/** The vote round alone, on both databases, at the given sizes. */
async function votesAlone(
	/** @type {readonly (readonly [string, number])[]} */ sizes,
	/** @type {(line: string) => void} */ log,
	withPglite = true
) {
	const { modules: m, close } = await loadModules();
	/** @type {Record<string, any>} */
	const section = {};
	try {
		for (const [label, n] of sizes) {
			section[label] = { postgres_ms: null, pglite_ms: null };
			log(`  ${label} ballots on PostgreSQL…`);
			const cluster = await startThrowawayPostgres({ durable: false });
			try {
				const db = await m.postgres.openPostgres(cluster.url, { max: 2 });
				try {
					await prepare(m, db, n);
					section[label].postgres_ms = await measure(m, db, n);
					log(`    ${section[label].postgres_ms} ms`);
				} finally {
					await db.close();
				}
			} finally {
				cluster.stop();
			}
			if (!withPglite) continue;
			log(`  ${label} ballots on PGlite…`);
			const db = await m.pglite.openPglite();
			try {
				await prepare(m, db, n);
				section[label].pglite_ms = await measure(m, db, n);
				log(`    ${section[label].pglite_ms} ms`);
			} catch (error) {
				// PGlite runs in WebAssembly with a bounded heap: say so rather than invent a figure.
				section[label].pglite_error = error instanceof Error ? error.message : String(error);
			} finally {
				await db.close().catch(() => {});
			}
		}
	} finally {
		await close();
	}
	return section;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const sizesArg = process.argv.find((arg) => arg.startsWith('--sizes='));
	const wanted = sizesArg ? sizesArg.slice(8).split(',') : null;
	const sizes = process.argv.includes('--quick')
		? SIZES.slice(0, 1)
		: SIZES.filter(([label]) => !wanted || wanted.includes(label));
	const log = (/** @type {string} */ line) => console.error(line);
	const section = process.argv.includes('--results')
		? await resultsAlone(sizes, log)
		: await votesAlone(sizes, log, !process.argv.includes('--postgres-only'));
	console.log(JSON.stringify(section, null, '\t'));
}

import { z } from 'zod';
import type { DotsSettings, RankingSettings, RoundRules } from './methods';

/*
 * A ballot as it is checked and stored. Dots, ranking and approval ballots are marks: a number per
 * option (dots placed, rank given, 1 for approved). A pairwise ballot is the list of the pairs
 * this person answered, each as winner and loser; answering a pair again replaces the answer.
 */
export type Marks = Record<string, number>;
export type Comparison = { winner: string; loser: string };
export type Ballot = { marks: Marks; comparisons: Comparison[] };

/** A person answers at most this many pairs in one round (there are n(n-1)/2 pairs). */
export const MAX_COMPARISONS = 500;

export type BallotCheck = { ok: true; ballot: Ballot } | { ok: false; error: string };

const refuse = (error: string): BallotCheck => ({ ok: false, error: `voting.errors.${error}` });

// What may arrive from a form or a JSON body, before the round's rules are applied.
const id = z.string().min(1).max(64);
const markInput = z
	.record(id, z.number().int().min(0).max(1000))
	.refine((r) => Object.keys(r).length <= 100);
const comparisonInput = z.object({ winner: id, loser: id });

/**
 * Checks a ballot against the round's method, settings and options. Every refusal is a locale
 * key: closed rounds are for the database to refuse, everything about the ballot itself is here.
 * - dots: whole numbers of dots per option, at least one dot, no more than the round's dots in
 *   all and no more than its cap on one option;
 * - ranking: distinct ranks 1, 2, … with no gap, at most the round's `top`;
 * - approval: at least one option;
 * - pairwise: each comparison between two different options of the round.
 */
export function checkBallot(rules: RoundRules, input: unknown): BallotCheck {
	const known = new Set(rules.optionIds);
	if (rules.method === 'pairwise') {
		const parsed = z.array(comparisonInput).max(MAX_COMPARISONS).safeParse(input);
		if (!parsed.success) return refuse('malformed');
		const seen = new Map<string, Comparison>();
		for (const comparison of parsed.data) {
			if (!known.has(comparison.winner) || !known.has(comparison.loser))
				return refuse('unknown_option');
			if (comparison.winner === comparison.loser) return refuse('same_pair');
			seen.set(pairKey(comparison.winner, comparison.loser), comparison);
		}
		if (seen.size === 0) return refuse('empty');
		return { ok: true, ballot: { marks: {}, comparisons: [...seen.values()] } };
	}
	const parsed = markInput.safeParse(input);
	if (!parsed.success) return refuse('malformed');
	const marks: Marks = {};
	for (const [option, value] of Object.entries(parsed.data)) {
		if (!known.has(option)) return refuse('unknown_option');
		if (value > 0) marks[option] = value;
	}
	const values = Object.values(marks);
	if (values.length === 0) return refuse('empty');
	if (rules.method === 'dots') {
		const { dots, cap } = rules.settings as DotsSettings;
		if (values.some((value) => value > cap)) return refuse('over_cap');
		if (values.reduce((sum, value) => sum + value, 0) > dots) return refuse('too_many_dots');
	} else if (rules.method === 'ranking') {
		const { top } = rules.settings as RankingSettings;
		const ranks = [...values].sort((a, b) => a - b);
		if (ranks.length > top || ranks.some((rank, index) => rank !== index + 1))
			return refuse(ranks.length > top ? 'too_many_ranked' : 'ranks_in_order');
	} else if (values.some((value) => value !== 1)) return refuse('malformed');
	return { ok: true, ballot: { marks, comparisons: [] } };
}

/** The same key for a pair whichever way round it is shown. */
export function pairKey(a: string, b: string): string {
	return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** A pairwise ballot with one more answer: the same pair answered again replaces the old answer. */
export function withComparison(previous: readonly Comparison[], next: Comparison): Comparison[] {
	const key = pairKey(next.winner, next.loser);
	return [...previous.filter((c) => pairKey(c.winner, c.loser) !== key), next];
}

/**
 * The marks posted by the resident's form: `mark.<optionId>` fields holding a number of dots, a
 * rank, or "on" for an approval checkbox. Blank and unranked fields mean no mark. Anything that
 * is not a whole number is kept as NaN so that checkBallot refuses it rather than guessing.
 */
export function marksFromForm(values: Record<string, string>): Record<string, number> {
	const marks: Record<string, number> = {};
	for (const [name, raw] of Object.entries(values)) {
		if (!name.startsWith('mark.')) continue;
		const value = raw.trim();
		if (value === '' || value === '0') continue;
		marks[name.slice(5)] = value === 'on' ? 1 : /^\d{1,4}$/.test(value) ? Number(value) : NaN;
	}
	return marks;
}

/**
 * The next pair to ask about: one this person has not answered yet, chosen at random, shown in a
 * random order; once every pair is answered, any pair (a new answer replaces the old one). null
 * when the round has fewer than two options.
 */
export function nextPair(
	optionIds: readonly string[],
	answered: readonly Comparison[],
	random: () => number,
	skip?: readonly [string, string]
): [string, string] | null {
	if (optionIds.length < 2) return null;
	const done = new Set(answered.map((c) => pairKey(c.winner, c.loser)));
	const skipped = skip ? pairKey(skip[0], skip[1]) : null;
	const pairs: [string, string][] = [];
	for (let i = 0; i < optionIds.length; i++)
		for (let j = i + 1; j < optionIds.length; j++) pairs.push([optionIds[i], optionIds[j]]);
	const fresh = pairs.filter(([a, b]) => !done.has(pairKey(a, b)));
	let pool = fresh.length > 0 ? fresh : pairs;
	// "Skip" asks for another pair: not the one just skipped, unless it is the only one.
	if (skipped && pool.length > 1) pool = pool.filter(([a, b]) => pairKey(a, b) !== skipped);
	const [a, b] = pool[Math.floor(random() * pool.length)];
	return random() < 0.5 ? [a, b] : [b, a];
}

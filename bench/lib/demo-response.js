// Seeded answers to the demo questionnaire (supabase/seed.sql, 'vanier-2026'), so that load and
// data sizes are repeatable from run to run.
import { createHash } from 'node:crypto';

/** @param {number} n */
const Q = (n) => `00000000-0000-4000-8000-000000000${n}`;

export const DEMO_QUESTIONNAIRE = Q(100);
export const DEMO_SLUG = 'vanier-2026';

/** mulberry32: a small, fast, seedable generator. */
/** @param {number} seed @returns {() => number} */
export function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @template T @param {() => number} random @param {T[]} list @returns {T} */
const pick = (random, list) => list[Math.floor(random() * list.length)];
/** @template T @param {() => number} random @param {T[]} list @returns {T[]} */
const shuffle = (random, list) =>
	list
		.map((item) => /** @type {[number, T]} */ ([random(), item]))
		.sort((a, b) => a[0] - b[0])
		.map(([, item]) => item);

/**
 * One complete response: all twelve questions answered (the conditional one when shown),
 * keyed by question id as the submit endpoint takes them. Demographic questions are keyed by
 * their question id too; the server files them apart.
 */
/** @param {() => number} random @returns {Record<string, unknown>} */
export function demoAnswers(random) {
	const takesPart = random() < 0.4 ? 'yes' : 'no';
	return {
		[Q(111)]: pick(random, ['under_1', '1_5', '6_10', 'over_10']),
		[Q(112)]: 1 + Math.floor(random() * 5),
		[Q(113)]: Math.floor(random() * 11),
		[Q(114)]: shuffle(random, ['housing', 'safety', 'food', 'parks', 'transit', 'youth']).slice(
			0,
			1 + Math.floor(random() * 3)
		),
		[Q(115)]: shuffle(random, ['housing', 'safety', 'green', 'transit', 'jobs']).slice(0, 3),
		[Q(116)]: takesPart,
		...(takesPart === 'yes'
			? { [Q(117)]: pick(random, ['Soccer', 'Community garden', 'Jardin']) }
			: {}),
		[Q(118)]: 1 + Math.floor(random() * 6),
		[Q(119)]: pick(random, [
			'More affordable housing near transit.',
			'Des trottoirs déneigés en hiver.',
			'Safer crossings on Montreal Road.',
			'Plus d’activités pour les jeunes.'
		]),
		[Q(121)]: pick(random, [
			'15_24',
			'25_34',
			'35_44',
			'45_54',
			'55_64',
			'65_74',
			'75_plus',
			'prefer_not_to_say'
		]),
		[Q(122)]: pick(random, ['english', 'french', 'both', 'neither', 'prefer_not_to_say']),
		[Q(123)]: pick(random, ['owner', 'renter', 'other', 'prefer_not_to_say'])
	};
}

const PRIORITIES = ['housing', 'safety', 'food', 'parks', 'transit', 'youth'];
/** @type {Record<string, string>} */
const DIMENSIONS = {
	[Q(121)]: 'age_group',
	[Q(122)]: 'first_official_language',
	[Q(123)]: 'housing_tenure'
};

/**
 * What the server stores for demoAnswers(): demographic questions filed apart by dimension, and
 * multiple-choice options in the question's option order. public.save_response takes these two.
 */
/** @param {Record<string, unknown>} answers */
export function storedForm(answers) {
	/** @type {Record<string, unknown>} */
	const stored = {};
	/** @type {Record<string, unknown>} */
	const demographics = {};
	for (const [id, value] of Object.entries(answers)) {
		if (DIMENSIONS[id]) demographics[DIMENSIONS[id]] = value;
		else if (id === Q(114))
			stored[id] = PRIORITIES.filter((option) => /** @type {string[]} */ (value).includes(option));
		else stored[id] = value;
	}
	return { answers: stored, demographics };
}

const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A receipt code of the shape residents get: 12 Crockford base-32 characters, XXXX-XXXX-XXXX. */
/** @param {Uint8Array} bytes */
export function receiptCode(bytes) {
	const code = [...bytes.subarray(0, 12)].map((byte) => RECEIPT_ALPHABET[byte % 32]).join('');
	return (code.match(/.{4}/g) ?? []).join('-');
}

/** The receipt_hash the server stores for a receipt code: SHA-256 of its canonical form. */
/** @param {string} receipt */
export function receiptHash(receipt) {
	return createHash('sha256').update(receipt.replace(/-/g, '')).digest('hex');
}

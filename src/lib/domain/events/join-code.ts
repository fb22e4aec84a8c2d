/*
 * Event join codes: six characters typed from a poster or read aloud in a hall. The alphabet
 * leaves out 0/O and 1/I, which people confuse on paper and on a projector.
 */

export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A new code from random bytes (crypto.getRandomValues in the caller's runtime). */
export function newJoinCode(random: (n: number) => Uint8Array = randomBytes): string {
	// 32 symbols divide 256 evenly, so taking a byte modulo 32 is unbiased.
	return Array.from(
		random(JOIN_CODE_LENGTH),
		(byte) => JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length]
	).join('');
}

function randomBytes(n: number): Uint8Array {
	return crypto.getRandomValues(new Uint8Array(n));
}

/**
 * A code as someone typed it (any case, spaces or dashes between groups) in its stored form, or
 * null when it cannot be a code.
 */
export function normalizeJoinCode(typed: string): string | null {
	const code = typed.replace(/[\s-]/g, '').toUpperCase();
	if (code.length !== JOIN_CODE_LENGTH) return null;
	return [...code].every((char) => JOIN_CODE_ALPHABET.includes(char)) ? code : null;
}

/** Shown in two groups of three, easier to read across a room: "K7P 3QX". */
export function formatJoinCode(code: string): string {
	return `${code.slice(0, 3)} ${code.slice(3)}`;
}

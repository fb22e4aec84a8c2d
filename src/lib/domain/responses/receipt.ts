// Receipt codes let a resident without an account come back to their response. Crockford's
// base-32 alphabet has no I, L, O or U, so a code read aloud or copied from paper survives the
// usual confusions; 12 characters carry 60 bits, far beyond guessing.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

export function newReceiptCode(
	random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)
): string {
	const bytes = random(new Uint8Array(LENGTH));
	const code = [...bytes].map((byte) => ALPHABET[byte % 32]).join('');
	return formatReceipt(code);
}

/** XXXX-XXXX-XXXX, for reading and writing down. */
export function formatReceipt(code: string): string {
	return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * The canonical form of what a person typed: case, spaces and dashes ignored, and the letters
 * people mistake for digits read as those digits. null when it cannot be a receipt code.
 */
export function normalizeReceipt(typed: string): string | null {
	const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/**
 * Reads a number typed by a resident in English or French: "1250", "3.5", "3,5", "1 250", "-4".
 * Spaces between groups of thousands (including the non-breaking ones French uses) are ignored,
 * and a single comma is a decimal separator, as in French. "1,250" is refused rather than
 * guessed: it reads as 1.25 in French and 1250 in English. Undefined when not a plain number.
 */
export function parseNumber(text: string): number | undefined {
	const compact = text
		.trim()
		.replace(/^\u2212/, '-') // the typographic minus that French formatting uses
		.replace(/(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, '');
	if (/^[+-]?[1-9]\d{0,2}(,\d{3})+$/.test(compact)) return undefined;
	const dotted = compact.replace(/^([+-]?\d*),(\d+)$/, '$1.$2');
	// Exponents are accepted so that any stored number written back into a form reads back.
	if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(dotted)) return undefined;
	const number = Number(dotted);
	return Number.isFinite(number) ? number : undefined;
}

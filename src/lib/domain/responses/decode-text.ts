/**
 * A spreadsheet export as text. Excel on Windows still writes CSV in Windows-1252 ("latin-1")
 * unless told otherwise: read UTF-8 when the bytes are valid UTF-8, else Windows-1252, so that
 * "Français" never turns into "FranÃ§ais" or "Fran�ais".
 */
export function decodeText(bytes: Uint8Array): string {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		text = new TextDecoder('windows-1252').decode(bytes);
	}
	return text.replace(/^\uFEFF/, '');
}

/*
 * Streams a Census Profile file, chunk by chunk, through censusProfileReader. The same function
 * runs in the browser (chunks of the chosen File) and on the server (chunks of a form upload),
 * so a file reads the same either way. Only the mapped rows are kept: memory stays flat for a
 * file of any size.
 *
 * Why not Papa.parse(file, { chunk }): papaparse's file streamer decodes each byte slice on its
 * own, which breaks a UTF-8 character cut by a slice boundary, it cannot read a server-side
 * web stream, and it would parse all 2,631 rows of every geography when we keep 52. Here a
 * streaming TextDecoder handles the bytes, rows are picked by their characteristic ID, and
 * papaparse handles the CSV syntax of the rows kept.
 */
import Papa from 'papaparse';
import {
	censusProfileReader,
	characteristicIdOf,
	isReadCharacteristic,
	type CensusExtract,
	type CensusProblem
} from './census-profile';

export type TextEncodingName = 'utf-8' | 'windows-1252';

/**
 * The encoding of a file from its first bytes. StatCan writes Windows-1252 (latin-1); a file
 * re-saved by a spreadsheet may be UTF-8. A BOM or valid UTF-8 with non-ASCII characters says
 * UTF-8; invalid UTF-8 says Windows-1252; pure ASCII is read as Windows-1252, the source's own
 * encoding (ASCII reads the same in both).
 */
export function detectEncoding(sample: Uint8Array): TextEncodingName {
	if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
	if (!sample.some((byte) => byte >= 0x80)) return 'windows-1252';
	try {
		// stream: true so that a character cut at the end of the sample is not an error
		new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
		return 'utf-8';
	} catch {
		return 'windows-1252';
	}
}

/** Enough bytes to hold the first geography's names (Métis is near row 1,400 of 2,631). */
const SAMPLE_BYTES = 1024 * 1024;

export type CensusReading =
	| { ok: true; extract: CensusExtract; encoding: TextEncodingName; rows: number }
	| { ok: false; problems: CensusProblem[]; encoding: TextEncodingName | null };

/** A web ReadableStream as chunks, without relying on async iteration of streams (Safari). */
export async function* streamChunks(
	stream: ReadableStream<Uint8Array>
): AsyncGenerator<Uint8Array> {
	const reader = stream.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}

/**
 * Reads a whole Census Profile. onProgress(bytes) is called after each chunk, so a page can
 * show how far it got; the caller knows the total size, if anyone does.
 */
export async function readCensusProfile(
	chunks: AsyncIterable<Uint8Array>,
	onProgress: (bytesRead: number) => void = () => {}
): Promise<CensusReading> {
	const reader = censusProfileReader();
	let decoder: TextDecoder | null = null;
	let encoding: TextEncodingName | null = null;
	let pending: Uint8Array[] = [];
	let pendingBytes = 0;
	let text = '';
	let bytesRead = 0;
	let row = 0;
	let failed = false;

	/*
	 * Line by line: StatCan writes one record per line (names hold no line breaks), so a line
	 * is a row. Rows of characteristics we do not map are skipped on their ID alone; the others
	 * go through papaparse for the CSV syntax (quotes, commas in names).
	 */
	const parseLines = (lines: string) => {
		let at = 0;
		while (at < lines.length) {
			let end = lines.indexOf('\n', at);
			if (end < 0) end = lines.length;
			const line = lines.slice(at, end > at && lines.charCodeAt(end - 1) === 13 ? end - 1 : end);
			at = end + 1;
			row += 1;
			if (line === '') continue;
			if (row > 1) {
				const id = characteristicIdOf(line);
				if (id !== null && !isReadCharacteristic(id)) continue;
			}
			const parsed = Papa.parse<string[]>(line, { delimiter: ',' });
			const [syntax] = parsed.errors;
			if (syntax) reader.problem(row, 'baselines.errors.csv_syntax', { found: syntax.message });
			else if (row === 1) reader.header(parsed.data[0]);
			else reader.row(parsed.data[0], row);
			failed = reader.stopped || !!syntax;
			if (failed) return;
		}
	};
	const decode = (bytes: Uint8Array, final: boolean) => {
		text += decoder!.decode(bytes, { stream: !final });
		const end = final ? text.length : text.lastIndexOf('\n') + 1;
		if (end <= 0) return;
		const complete = text.slice(0, end);
		text = text.slice(end);
		parseLines(complete);
	};
	const startDecoding = () => {
		const sample = new Uint8Array(pendingBytes);
		let offset = 0;
		for (const part of pending) {
			sample.set(part, offset);
			offset += part.length;
		}
		pending = [];
		encoding = detectEncoding(sample);
		decoder = new TextDecoder(encoding);
		decode(sample, false);
	};

	for await (const chunk of chunks) {
		bytesRead += chunk.length;
		if (!decoder) {
			pending.push(chunk);
			pendingBytes += chunk.length;
			if (pendingBytes >= SAMPLE_BYTES) startDecoding();
		} else decode(chunk, false);
		onProgress(bytesRead);
		if (failed) break;
	}
	if (!failed) {
		if (!decoder) startDecoding();
		decode(new Uint8Array(0), true);
	}
	const { extract, problems } = reader.finish();
	if (!extract) return { ok: false, problems, encoding };
	return { ok: true, extract, encoding: encoding!, rows: row };
}

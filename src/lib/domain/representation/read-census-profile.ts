/*
 * Streams a Census Profile file, chunk by chunk, through censusProfileReader. The same function
 * runs in the browser (chunks of the chosen File) and on the server (chunks of a form upload),
 * so a file reads the same either way. Only the mapped rows are kept: memory stays flat for a
 * file of any size.
 *
 * Why not Papa.parse(file, { chunk }): papaparse's file streamer decodes each byte slice on its
 * own, which breaks a UTF-8 character cut by a slice boundary, and it cannot read a server-side
 * web stream. Here a streaming TextDecoder handles the bytes and papaparse the CSV syntax of
 * each run of complete lines.
 */
import Papa from 'papaparse';
import { censusProfileReader, type CensusExtract, type CensusProblem } from './census-profile';

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

/** The end of the last complete line in text, outside quotes; -1 when there is none yet. */
function lastLineEnd(text: string): number {
	let end = text.lastIndexOf('\n');
	while (end >= 0) {
		let quotes = 0;
		for (let i = text.indexOf('"'); i !== -1 && i < end; i = text.indexOf('"', i + 1)) quotes++;
		if (quotes % 2 === 0) return end;
		end = text.lastIndexOf('\n', end - 1);
	}
	return -1;
}

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

	const parseLines = (lines: string) => {
		const parsed = Papa.parse<string[]>(lines, { delimiter: ',', skipEmptyLines: true });
		const firstRow = row + 1;
		for (const fields of parsed.data) {
			row += 1;
			if (row === 1) {
				fields[0] = fields[0].replace(/^\uFEFF/, '');
				reader.header(fields);
			} else reader.row(fields, row);
			failed = reader.stopped;
			if (failed) return;
		}
		const [syntax] = parsed.errors;
		if (syntax) {
			reader.problem(firstRow + (syntax.row ?? 0), 'baselines.errors.csv_syntax', {
				found: syntax.message
			});
			failed = true;
		}
	};
	const decode = (bytes: Uint8Array, final: boolean) => {
		text += decoder!.decode(bytes, { stream: !final });
		const end = final ? text.length : lastLineEnd(text);
		if (end < 0) return;
		const complete = text.slice(0, end + (final ? 0 : 1));
		text = text.slice(end + (final ? 0 : 1));
		if (complete.trim() !== '') parseLines(complete);
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

/*
 * The census file posted by the import form without JavaScript, read as it arrives. A Census
 * Profile is hundreds of MB: request.formData() would hold all of it in memory first, so the
 * multipart body is split here and the file part streamed straight into readCensusProfile,
 * the same function the browser runs on the chosen file.
 */
import {
	readCensusProfile,
	type CensusReading
} from '$lib/domain/representation/read-census-profile';

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
/** Part headers are small; anything longer is not a browser's form post. */
const MAX_HEADER_BYTES = 16 * 1024;
/** Text fields sent before the file (the geography codes) stay small. */
const MAX_FIELD_BYTES = 64 * 1024;

export class UploadError extends Error {
	constructor(readonly key: string) {
		super(key);
	}
}

type Part = { name: string; filename: string | null };

function partHeaders(text: string): Part | null {
	const disposition = /content-disposition:[^\r\n]*/i.exec(text)?.[0] ?? '';
	const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
	if (name === undefined) return null;
	const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
	return { name, filename };
}

/**
 * Splits a multipart/form-data body: text fields before the file go to `fields`, the bytes of
 * the first file part are yielded as they arrive, anything after it is ignored.
 */
async function* multipartFile(
	body: ReadableStream<Uint8Array>,
	contentType: string,
	fields: Map<string, string>,
	onFile: (filename: string) => void
): AsyncGenerator<Uint8Array> {
	const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	if (!boundary) throw new UploadError('baselines.errors.no_file');
	// Every delimiter is CRLF + "--" + boundary; the body's first one lacks the CRLF, so add it.
	const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
	let buffer: Buffer = Buffer.from(CRLF);
	let phase: 'preamble' | 'headers' | 'field' | 'file' | 'done' = 'preamble';
	let part: Part | null = null;
	let field: Buffer[] = [];
	let fieldBytes = 0;

	const reader = body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			buffer = buffer.length ? Buffer.concat([buffer, value]) : Buffer.from(value);
			for (;;) {
				if (phase === 'preamble') {
					const at = buffer.indexOf(delimiter);
					if (at < 0) break;
					buffer = buffer.subarray(at + delimiter.length);
					phase = 'headers';
				}
				if (phase === 'headers') {
					if (buffer.length < 2) break;
					if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
						phase = 'done';
						break;
					}
					const end = buffer.indexOf(HEADER_END);
					if (end < 0) {
						if (buffer.length > MAX_HEADER_BYTES) throw new UploadError('baselines.errors.no_file');
						break;
					}
					part = partHeaders(buffer.subarray(2, end).toString('utf8'));
					buffer = buffer.subarray(end + HEADER_END.length);
					if (part?.filename !== null && part?.filename !== undefined) {
						onFile(part.filename);
						phase = 'file';
					} else {
						phase = 'field';
						field = [];
						fieldBytes = 0;
					}
				}
				// In a part's body: pass on everything that cannot be the start of the delimiter.
				const at = buffer.indexOf(delimiter);
				const safe = at >= 0 ? at : Math.max(0, buffer.length - delimiter.length + 1);
				const content = buffer.subarray(0, safe);
				buffer = buffer.subarray(safe);
				if (phase === 'file') {
					if (content.length > 0) yield content;
				} else if (phase === 'field') {
					fieldBytes += content.length;
					if (fieldBytes > MAX_FIELD_BYTES) throw new UploadError('baselines.errors.bad_request');
					field.push(Buffer.from(content));
				}
				if (at < 0) break;
				buffer = buffer.subarray(delimiter.length);
				if (phase === 'file') {
					phase = 'done';
					break;
				}
				if (part && phase === 'field') fields.set(part.name, Buffer.concat(field).toString('utf8'));
				phase = 'headers';
			}
			if (phase === 'done') break;
		}
	} finally {
		// Read the rest (the closing boundary, at most the body size limit) rather than cancel:
		// cancelling a request's body destroys its socket, and the answer then never reaches the
		// browser (seen as ERR_EMPTY_RESPONSE when the last bytes had not been read yet).
		try {
			while (!(await reader.read()).done);
		} catch {
			// the body failed (cut short, too large): nothing more to read
		}
	}
}

export type CensusUpload = {
	reading: CensusReading;
	fileName: string;
	fields: Map<string, string>;
};

/**
 * Reads the census file of a multipart request. Throws UploadError('baselines.errors.no_file')
 * when the request holds no file, and ('baselines.errors.too_large') when the server's body
 * size limit (adapter-node BODY_SIZE_LIMIT) cut the upload short.
 */
export async function readCensusUpload(request: Request): Promise<CensusUpload> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!request.body || !contentType.toLowerCase().startsWith('multipart/form-data'))
		throw new UploadError('baselines.errors.no_file');
	const fields = new Map<string, string>();
	let fileName: string | null = null;
	let bytes = 0;
	const chunks = multipartFile(request.body, contentType, fields, (name) => (fileName = name));
	async function* counted() {
		for await (const chunk of chunks) {
			bytes += chunk.length;
			yield chunk;
		}
	}
	let reading: CensusReading;
	try {
		reading = await readCensusProfile(counted());
	} catch (error) {
		if (error instanceof UploadError) throw error;
		if (error instanceof Error && /body size|BODY_SIZE_LIMIT|too large/i.test(error.message))
			throw new UploadError('baselines.errors.too_large');
		throw error;
	}
	if (fileName === null || (fileName === '' && bytes === 0))
		throw new UploadError('baselines.errors.no_file');
	return { reading, fileName, fields };
}

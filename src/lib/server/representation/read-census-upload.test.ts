import { describe, expect, it } from 'vitest';
import {
	buildProfile,
	fullGeography,
	readFixture
} from '../../../../tests/fixtures/census/build-profile';
import { readCensusUpload, UploadError } from './read-census-upload';

/** A browser-like multipart form post, delivered in small pieces as a network would. */
async function post(form: FormData, pieceSize = 100): Promise<Request> {
	// one Response: each serialisation of a FormData picks its own boundary
	const encoded = new Response(form);
	const contentType = encoded.headers.get('content-type')!;
	const bytes = new Uint8Array(await encoded.arrayBuffer());
	let offset = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (offset >= bytes.length) return controller.close();
			controller.enqueue(bytes.slice(offset, offset + pieceSize));
			offset += pieceSize;
		}
	});
	return new Request('http://localhost/x', {
		method: 'POST',
		body,
		headers: { 'content-type': contentType },
		duplex: 'half'
	} as RequestInit);
}

describe('reading a census upload from the request stream', () => {
	it('streams the file part and keeps the text fields sent before it', async () => {
		const text = buildProfile([fullGeography('35061234'), fullGeography('35061235')]);
		const form = new FormData();
		form.set('codes', '35061235');
		form.set(
			'file',
			new File([text], '98-401-X2021006_English_CSV_data.csv', { type: 'text/csv' })
		);
		form.set('after', 'ignored');
		for (const size of [1, 37, 4096]) {
			const { reading, fileName, fields } = await readCensusUpload(await post(form, size));
			expect(fileName).toBe('98-401-X2021006_English_CSV_data.csv');
			expect(fields.get('codes')).toBe('35061235');
			expect(reading.ok && reading.extract.geographies.map((g) => g.code)).toEqual([
				'35061234',
				'35061235'
			]);
		}
	});

	it('reads the real latin-1 sample bytes as they are', async () => {
		const form = new FormData();
		form.set('file', new File([readFixture('ada-10010001-2021.csv')], 'ada.csv'));
		const { reading } = await readCensusUpload(await post(form));
		expect(reading.ok && reading.extract.geographies[0].population).toBe(8881);
	});

	it('refuses a post without a file', async () => {
		const form = new FormData();
		form.set('codes', '');
		form.set('file', new File([], ''));
		await expect(readCensusUpload(await post(form))).rejects.toThrow(UploadError);
		await expect(
			readCensusUpload(new Request('http://localhost/x', { method: 'POST', body: 'a=1' }))
		).rejects.toThrow('baselines.errors.no_file');
	});
});

import { describe, expect, it, vi } from 'vitest';
import { flush, OUTBOX_KEY, pending, queue, type OutboxItem } from './outbox';

/** localStorage as the browser gives it, in memory; `full` makes it refuse writes. */
function fakeStorage(initial: Record<string, string> = {}) {
	const data = new Map(Object.entries(initial));
	return {
		full: false,
		getItem: (key: string) => data.get(key) ?? null,
		setItem(key: string, value: string) {
			if (this.full) throw new DOMException('full', 'QuotaExceededError');
			data.set(key, String(value));
		},
		removeItem: (key: string) => void data.delete(key),
		data
	};
}

const item = (n: number, overrides: Partial<OutboxItem> = {}): OutboxItem => ({
	url: '/fr/s/vanier-2026/submit',
	slug: 'vanier-2026',
	responseId: `00000000-0000-4000-8000-00000000000${n}`,
	receipt: `ABCD-EFGH-JKM${n}`,
	language: 'fr',
	answers: { q: 'yes' },
	queuedAt: n,
	...overrides
});

const reply = (status: number, body: unknown) =>
	Promise.resolve(
		new Response(JSON.stringify(body), {
			status,
			headers: { 'content-type': 'application/json' }
		})
	);
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

describe('queue', () => {
	it('keeps submissions in order, one per response id', () => {
		const storage = fakeStorage();
		expect(queue(storage, item(1))).toBe(true);
		expect(queue(storage, item(2))).toBe(true);
		expect(queue(storage, item(1, { answers: { q: 'no' } }))).toBe(true);
		expect(pending(storage).map((queued) => [queued.queuedAt, queued.answers])).toEqual([
			[2, { q: 'yes' }],
			[1, { q: 'no' }]
		]);
	});

	it('says so when the device will not store it', () => {
		const storage = fakeStorage();
		storage.full = true;
		expect(queue(storage, item(1))).toBe(false);
		expect(pending(storage)).toEqual([]);
	});

	it('reads damaged storage as empty', () => {
		expect(pending(fakeStorage({ [OUTBOX_KEY]: '{not json' }))).toEqual([]);
		expect(pending(fakeStorage({ [OUTBOX_KEY]: '{"a":1}' }))).toEqual([]);
		expect(pending(fakeStorage({ [OUTBOX_KEY]: JSON.stringify([{ url: 1 }, item(1)]) }))).toEqual([
			item(1)
		]);
	});
});

describe('flush', () => {
	it('sends the contact details typed offline with their response', async () => {
		const storage = fakeStorage();
		const contact = { name: 'Awa', email: 'awa@example.org', phone: '', consent: true };
		queue(storage, item(1, { contact }));
		const send = vi.fn((_url: string, _init: RequestInit) => reply(201, { outcome: 'created' }));
		await flush(storage, send);
		expect(JSON.parse(String(send.mock.calls[0][1].body)).contact).toEqual(contact);
		expect(pending(storage)).toEqual([]);
	});

	it('posts each submission as JSON and empties the outbox once the server has them', async () => {
		const storage = fakeStorage();
		queue(storage, item(1));
		queue(storage, item(2));
		const send = vi.fn((_url: string, init: RequestInit) =>
			JSON.parse(String(init.body)).responseId.endsWith('1')
				? reply(201, { outcome: 'created' })
				: reply(200, { outcome: 'updated' })
		);
		const settled = await flush(storage, send);
		expect(
			settled.map((delivery) => [delivery.status, 'outcome' in delivery && delivery.outcome])
		).toEqual([
			['sent', 'created'],
			['sent', 'updated']
		]);
		expect(send).toHaveBeenCalledTimes(2);
		const [url, init] = send.mock.calls[0];
		expect(url).toBe('/fr/s/vanier-2026/submit');
		expect(init.method).toBe('POST');
		expect(new Headers(init.headers).get('content-type')).toBe('application/json');
		expect(JSON.parse(String(init.body))).toEqual({
			responseId: item(1).responseId,
			receipt: item(1).receipt,
			language: 'fr',
			answers: { q: 'yes' }
		});
		expect(pending(storage)).toEqual([]);
		expect(storage.data.has(OUTBOX_KEY)).toBe(false);
	});

	it('keeps everything while the network is down, and sends it when it is back', async () => {
		const storage = fakeStorage();
		queue(storage, item(1));
		queue(storage, item(2));
		const down = vi.fn(offline);
		expect(await flush(storage, down)).toEqual([]);
		expect(down).toHaveBeenCalledTimes(1); // stops at the first failure
		expect(pending(storage)).toHaveLength(2);

		expect(await flush(storage, () => reply(201, { outcome: 'created' }))).toHaveLength(2);
		expect(pending(storage)).toEqual([]);
	});

	it('gives back refused and closed submissions with the reason, and drops them', async () => {
		const storage = fakeStorage();
		queue(storage, item(1));
		queue(storage, item(2));
		const settled = await flush(storage, (_url, init) =>
			JSON.parse(String(init.body)).responseId.endsWith('1')
				? reply(400, { errors: { q: 'answer_errors.required' } })
				: reply(409, { error: 'closed' })
		);
		expect(settled).toEqual([
			{ item: item(1), status: 'rejected', errors: { q: 'answer_errors.required' } },
			{ item: item(2), status: 'closed' }
		]);
		expect(pending(storage)).toEqual([]);
	});

	it('keeps what the server could not take for now (5xx) and goes on with the rest', async () => {
		const storage = fakeStorage();
		queue(storage, item(1));
		queue(storage, item(2));
		const settled = await flush(storage, (_url, init) =>
			JSON.parse(String(init.body)).responseId.endsWith('1')
				? Promise.resolve(new Response('busy', { status: 503 }))
				: reply(201, { outcome: 'created' })
		);
		expect(settled.map((delivery) => delivery.item.queuedAt)).toEqual([2]);
		expect(pending(storage).map((queued) => queued.queuedAt)).toEqual([1]);
	});

	it('does not lose a submission queued while sending', async () => {
		const storage = fakeStorage();
		queue(storage, item(1));
		const settled = await flush(storage, () => {
			queue(storage, item(2));
			return reply(201, { outcome: 'created' });
		});
		expect(settled.map((delivery) => delivery.item.queuedAt)).toEqual([1]);
		expect(pending(storage).map((queued) => queued.queuedAt)).toEqual([2]);
	});

	it('sends once when asked twice at the same time (online event and page load)', async () => {
		const storage = fakeStorage();
		queue(storage, item(1));
		const send = vi.fn(() => reply(201, { outcome: 'created' }));
		const [first, second] = await Promise.all([flush(storage, send), flush(storage, send)]);
		expect(send).toHaveBeenCalledTimes(1);
		expect(first).toBe(second);
	});

	it('counts an answer that is not JSON (a proxy page) as sent when the status says so', async () => {
		const storage = fakeStorage();
		queue(storage, item(1));
		const settled = await flush(storage, () =>
			Promise.resolve(new Response('<html>ok</html>', { status: 201 }))
		);
		expect(settled).toEqual([{ item: item(1), status: 'sent', outcome: 'created' }]);
	});
});

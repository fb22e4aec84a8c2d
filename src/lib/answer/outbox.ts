/*
 * Responses waiting on this device for the network. When the final submit cannot reach the
 * server, the whole submission is kept in localStorage and sent later (on the browser's `online`
 * event, or at the next visit) to the questionnaire's JSON endpoint. Sending twice is harmless:
 * the response id makes the server save it once.
 */

import type { RawContact } from '../domain/responses/contact-fields';

export interface Submission {
	responseId: string;
	receipt: string;
	language: 'en' | 'fr';
	/** answers by question id, as the form reads them (the server checks them again) */
	answers: Record<string, unknown>;
	/**
	 * contact details typed in the optional contact block, unchecked: kept only until sent, so
	 * that a response made offline reaches the community whole
	 */
	contact?: RawContact;
}

export interface OutboxItem extends Submission {
	/** the endpoint to POST the submission to */
	url: string;
	/** the questionnaire's slug, so its page can tell what became of it */
	slug: string;
	queuedAt: number;
}

export type Delivery =
	| { item: OutboxItem; status: 'sent'; outcome: string }
	/** refused as it stands (a required answer missing): the person must look at it again */
	| { item: OutboxItem; status: 'rejected'; errors: Record<string, string> }
	/** the questionnaire closed, or no longer exists, before the response arrived */
	| { item: OutboxItem; status: 'closed' };

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
type Send = (url: string, init: RequestInit) => Promise<Response>;

export const OUTBOX_KEY = 'cg-outbox';

function isItem(value: unknown): value is OutboxItem {
	if (typeof value !== 'object' || value === null) return false;
	const item = value as Record<string, unknown>;
	return (
		typeof item.url === 'string' &&
		typeof item.slug === 'string' &&
		typeof item.responseId === 'string' &&
		typeof item.receipt === 'string' &&
		(item.language === 'en' || item.language === 'fr') &&
		typeof item.answers === 'object' &&
		item.answers !== null
	);
}

/** The waiting submissions, oldest first; none when storage is unreadable or damaged. */
export function pending(storage: Store): OutboxItem[] {
	try {
		const stored: unknown = JSON.parse(storage.getItem(OUTBOX_KEY) ?? '[]');
		return Array.isArray(stored) ? stored.filter(isItem) : [];
	} catch {
		return [];
	}
}

function write(storage: Store, items: OutboxItem[]): boolean {
	try {
		if (items.length === 0) storage.removeItem(OUTBOX_KEY);
		else storage.setItem(OUTBOX_KEY, JSON.stringify(items));
		return true;
	} catch {
		return false;
	}
}

/**
 * Keeps a submission until it can be sent, replacing any earlier one with the same response id.
 * False when the device would not store it (private browsing, storage full).
 */
export function queue(storage: Store, item: OutboxItem): boolean {
	const others = pending(storage).filter((queued) => queued.responseId !== item.responseId);
	return write(storage, [...others, item]);
}

function remove(storage: Store, responseId: string) {
	write(
		storage,
		pending(storage).filter((item) => item.responseId !== responseId)
	);
}

async function errorsOf(response: Response): Promise<Record<string, string>> {
	try {
		const body = (await response.json()) as { errors?: unknown };
		return typeof body.errors === 'object' && body.errors !== null
			? (body.errors as Record<string, string>)
			: {};
	} catch {
		return {};
	}
}

async function deliver(item: OutboxItem, send: Send): Promise<Delivery | 'retry' | 'offline'> {
	const { responseId, receipt, language, answers, contact } = item;
	let response: Response;
	try {
		response = await send(item.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ responseId, receipt, language, answers, contact })
		});
	} catch {
		return 'offline';
	}
	if (response.ok) {
		let outcome = 'created';
		try {
			outcome = String(((await response.json()) as { outcome?: unknown }).outcome ?? outcome);
		} catch {
			// the status says enough
		}
		return { item, status: 'sent', outcome };
	}
	if (response.status === 409 || response.status === 404 || response.status === 410)
		return { item, status: 'closed' };
	if (response.status === 400 || response.status === 413 || response.status === 422)
		return { item, status: 'rejected', errors: await errorsOf(response) };
	return 'retry'; // the server's trouble (5xx, 429): try again later
}

const running = new WeakMap<Store, Promise<Delivery[]>>();

/**
 * Sends what is waiting, oldest first, and says what became of each item it could settle.
 * Sent, refused and closed items leave the outbox; the rest stay for the next try. It stops at the
 * first network failure. Calls made while one runs share its result.
 */
export function flush(storage: Store, send: Send = (url, init) => fetch(url, init)) {
	const current = running.get(storage);
	if (current) return current;
	const run = (async () => {
		const settled: Delivery[] = [];
		for (const item of pending(storage)) {
			const delivery = await deliver(item, send);
			if (delivery === 'offline') break;
			if (delivery === 'retry') continue;
			remove(storage, item.responseId);
			settled.push(delivery);
		}
		return settled;
	})().finally(() => running.delete(storage));
	running.set(storage, run);
	return run;
}

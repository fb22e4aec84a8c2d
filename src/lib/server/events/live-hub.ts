import type { Db } from '../db/types';
import { eventLive, type LiveSnapshot } from './event-live';

/*
 * Server-sent events for live event screens. Each server instance polls the database once a
 * second per event that has someone watching, and sends the new state to its own watchers only
 * when it changed. Everything shown comes from the database: another instance behind the same
 * load balancer polls the same rows, and a restarted one starts over without losing anything.
 * (One poll per event rather than per phone is what keeps 500 phones cheap.)
 */
export const POLL_MS = 1000;
const HEARTBEAT_MS = 15000;

type Watcher = (json: string) => void;

interface Channel {
	watchers: Set<Watcher>;
	last: string | null;
	timer: ReturnType<typeof setInterval>;
	polling: boolean;
}

const channels = new Map<string, Channel>();

/*
 * Open streams would hold a stopping server up for its whole shutdown timeout: on SIGTERM or
 * SIGINT (which the Node adapter answers by closing the server) end them at once. The browsers
 * reconnect by themselves, to this server once it is back or to another instance.
 */
const openStreams = new Set<() => void>();
let endOnShutdown = false;
function endStreamsOnShutdown() {
	if (endOnShutdown) return;
	endOnShutdown = true;
	for (const signal of ['SIGTERM', 'SIGINT'] as const)
		process.once(signal, () => {
			for (const stop of [...openStreams]) stop();
		});
}

async function poll(db: Db, eventId: string, channel: Channel) {
	if (channel.polling) return;
	channel.polling = true;
	try {
		const snapshot = await eventLive(db, eventId);
		const json = snapshot ? JSON.stringify(snapshot) : null;
		if (json !== null && json !== channel.last) {
			channel.last = json;
			for (const watcher of channel.watchers) watcher(json);
		}
	} catch (error) {
		// A database hiccup (or a shutdown) skips a beat; the next poll tries again.
		console.error('live event poll failed:', error instanceof Error ? error.message : error);
	} finally {
		channel.polling = false;
	}
}

/**
 * The live state of an event as this instance's watchers last got it (at most a poll old), or
 * read now when nobody here watches it. Pages use it so that a room of phones joining at once
 * does not tally the vote once per phone.
 */
export async function currentLive(db: Db, eventId: string): Promise<LiveSnapshot | null> {
	const last = channels.get(eventId)?.last;
	return last ? (JSON.parse(last) as LiveSnapshot) : eventLive(db, eventId);
}

/** Watches an event; the watcher gets the current state at once (when known) and each change. */
export function watchEvent(db: Db, eventId: string, watcher: Watcher): () => void {
	let channel = channels.get(eventId);
	if (!channel) {
		const created: Channel = {
			watchers: new Set(),
			last: null,
			polling: false,
			timer: setInterval(() => void poll(db, eventId, created), POLL_MS)
		};
		channel = created;
		channels.set(eventId, channel);
		void poll(db, eventId, channel);
	} else if (channel.last !== null) {
		watcher(channel.last);
	}
	channel.watchers.add(watcher);
	const current = channel;
	return () => {
		current.watchers.delete(watcher);
		if (current.watchers.size === 0) {
			clearInterval(current.timer);
			channels.delete(eventId);
		}
	};
}

/**
 * The text/event-stream response for an event: a `retry` hint so browsers reconnect within a
 * second after a restart, a 'snapshot' message per change, and a comment now and then so that
 * proxies keep the connection open.
 */
export function liveResponse(db: Db, eventId: string, signal: AbortSignal): Response {
	const encoder = new TextEncoder();
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			send('retry: 1000\n\n');
			const unwatch = watchEvent(db, eventId, (json) => send(`event: snapshot\ndata: ${json}\n\n`));
			const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
			let stopped = false;
			stop = () => {
				if (stopped) return;
				stopped = true;
				openStreams.delete(stop);
				clearInterval(heartbeat);
				unwatch();
				try {
					controller.close();
				} catch {
					// already closed by the client
				}
			};
			signal.addEventListener('abort', () => stop(), { once: true });
			endStreamsOnShutdown();
			openStreams.add(stop);
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
}

/**
 * Group commit: writes that arrive while a transaction is committing are gathered and written
 * together in the next one, so that many concurrent writers pay for one transaction (and, on
 * PGlite's single connection, one turn in its queue) instead of one each.
 *
 * - A write that finds nothing running for its key starts after one turn of the event loop
 *   (gather), alone unless others came in that turn: nothing ever waits on a timer, so a lone
 *   write is as fast as it would be without this.
 * - Writes that arrive while their key's transaction runs wait for it, then all of them (up to
 *   maxBatch) go in the next one, in arrival order.
 * - Why the turns: requests sent while a transaction commits are read by the server as the
 *   event loop gets to them, and the people answered by a commit send their next ones at once.
 *   Each transaction starts after one turn of the event loop, and after more (up to 8) while the
 *   queue still grows from one turn to the next, so that such a wave goes in one transaction
 *   rather than a first straggler alone, followed by all the others. With nothing arriving, it
 *   is one turn.
 * - Each write is answered only once the transaction holding it has committed (commit resolved).
 * - When a transaction of several fails, each of its writes is tried again alone, so that each
 *   gets its own outcome: one bad write never fails the others, and delays them by one try.
 *
 * Keys keep apart writes that must not share a transaction (e.g. different database roles):
 * each key has its own queue and at most `concurrency` transactions running. No database here: `commit`
 * does the writing, which keeps this testable on its own (group-commit.test.ts).
 */

export interface GroupCommitOptions<I, O> {
	/**
	 * Writes items in one transaction and resolves, once it has committed, with one outcome per
	 * item, in order. Rejects when the transaction failed (nothing of it is kept).
	 */
	commit: (items: I[]) => Promise<O[]>;
	/** the most items in one transaction */
	maxBatch?: number;
	/**
	 * the most transactions of one key running at once (default 1). More than one suits a
	 * connection pool, where batches side by side use more than one core of the server.
	 */
	concurrency?: number;
	/**
	 * awaited before each transaction takes its items, given how many wait (default
	 * gatherArrivals: turns of the event loop while more arrive)
	 */
	gather?: (waiting: () => number) => Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One turn of the event loop, then more (at most 8 in all) while the queue grows. */
export async function gatherArrivals(waiting: () => number): Promise<void> {
	for (let turn = 0, before = -1; turn < 8 && waiting() > before; turn++) {
		before = waiting();
		await nextTurn();
	}
}

interface Waiting<I, O> {
	item: I;
	resolve: (outcome: O) => void;
	reject: (error: unknown) => void;
}

/** Returns write(key, item): resolves with the item's outcome, or rejects with its own error. */
export function groupCommit<I, O>({
	commit,
	maxBatch = 100,
	concurrency = 1,
	gather = gatherArrivals
}: GroupCommitOptions<I, O>): (key: string, item: I) => Promise<O> {
	if (!(maxBatch >= 1)) throw new RangeError('maxBatch must be at least 1');
	if (!(concurrency >= 1)) throw new RangeError('concurrency must be at least 1');
	/** by key: the writes waiting, and how many transactions run; here while any run */
	const lanes = new Map<string, { queue: Waiting<I, O>[]; running: number }>();

	async function commitChecked(items: I[]): Promise<O[]> {
		const outcomes = await commit(items);
		if (outcomes.length !== items.length)
			throw new Error(`commit gave ${outcomes.length} outcomes for ${items.length} items`);
		return outcomes;
	}

	async function settle(batch: Waiting<I, O>[]) {
		try {
			const outcomes = await commitChecked(batch.map((w) => w.item));
			batch.forEach((w, i) => w.resolve(outcomes[i]));
		} catch (error) {
			if (batch.length === 1) {
				batch[0].reject(error);
				return;
			}
			// Which one was it? Each alone, side by side (a pool runs them at once; PGlite queues).
			await Promise.all(
				batch.map(async (w) => {
					try {
						w.resolve((await commitChecked([w.item]))[0]);
					} catch (own) {
						w.reject(own);
					}
				})
			);
		}
	}

	async function drain(key: string, lane: { queue: Waiting<I, O>[]; running: number }) {
		try {
			// Taken synchronously after gathering: whatever arrives later joins the next batch.
			for (;;) {
				await gather(() => lane.queue.length);
				if (lane.queue.length === 0) break;
				await settle(lane.queue.splice(0, maxBatch));
			}
		} finally {
			lane.running -= 1;
			if (lane.running === 0) lanes.delete(key);
		}
	}

	return (key, item) =>
		new Promise<O>((resolve, reject) => {
			let lane = lanes.get(key);
			if (!lane) {
				lane = { queue: [], running: 0 };
				lanes.set(key, lane);
			}
			lane.queue.push({ item, resolve, reject });
			if (lane.running < concurrency) {
				lane.running += 1;
				void drain(key, lane);
			}
		});
}

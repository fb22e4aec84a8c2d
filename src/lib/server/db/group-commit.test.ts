import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

interface Item {
	id: number;
	key: string;
	/** makes any transaction holding it fail */
	bad: boolean;
}

const item = (id: number, key = 'anon', bad = false): Item => ({ id, key, bad });
const outcomeOf = (i: Item) => `saved ${i.id}`;

/** A commit that records its calls and finishes when `release` is called. */
function recordingCommit() {
	const calls: { items: Item[]; release: () => void }[] = [];
	const commit = (items: Item[]) =>
		new Promise<string[]>((resolve, reject) => {
			calls.push({
				items,
				release: () =>
					items.some((i) => i.bad)
						? reject(new Error(`refused ${items.find((i) => i.bad)!.id}`))
						: resolve(items.map(outcomeOf))
			});
		});
	return { calls, commit };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('groupCommit', () => {
	it('starts a lone write after one turn of the event loop, on no timer', async () => {
		const { calls, commit } = recordingCommit();
		const write = groupCommit({ commit });
		const saved = write('anon', item(1));
		await new Promise((resolve) => setImmediate(resolve));
		expect(calls.map((c) => c.items.map((i) => i.id))).toEqual([[1]]);
		calls[0].release();
		await expect(saved).resolves.toBe('saved 1');
	});

	it('takes what arrived in that turn into the same transaction', async () => {
		const { calls, commit } = recordingCommit();
		const write = groupCommit({ commit });
		const all = [1, 2].map((id) => write('anon', item(id)));
		// the queue grew after the first write: one more turn to see whether more come
		await tick();
		await tick();
		expect(calls.map((c) => c.items.map((i) => i.id))).toEqual([[1, 2]]);
		calls[0].release();
		expect(await Promise.all(all)).toEqual(['saved 1', 'saved 2']);
	});

	it('gathers what arrives during a commit into the next one, in arrival order', async () => {
		const { calls, commit } = recordingCommit();
		const write = groupCommit({ commit });
		const first = write('anon', item(1));
		await tick();
		const all = [first, ...[2, 3, 4].map((id) => write('anon', item(id)))];
		expect(calls).toHaveLength(1);
		calls[0].release();
		await tick();
		expect(calls.map((c) => c.items.map((i) => i.id))).toEqual([[1], [2, 3, 4]]);
		calls[1].release();
		expect(await Promise.all(all)).toEqual(['saved 1', 'saved 2', 'saved 3', 'saved 4']);
	});

	it('keeps gathering while writes keep arriving, one more each turn, at most eight turns', async () => {
		const { calls, commit } = recordingCommit();
		const write = groupCommit({ commit });
		const all: Promise<string>[] = [];
		/** writes arriving one per turn of the event loop, as a wave of requests is read */
		const arrive = (ids: number[]) =>
			ids.length > 0 &&
			setImmediate(() => {
				all.push(write('anon', item(ids[0])));
				arrive(ids.slice(1));
			});
		arrive([2, 3, 4]);
		all.push(write('anon', item(1)));
		await tick();
		await tick();
		expect(calls.map((c) => c.items.map((i) => i.id))).toEqual([[1, 2, 3, 4]]);
		calls[0].release();
		await Promise.all(all);

		// a wave that does not stop is cut after eight turns: the first ones do not wait for ever
		const endless = Array.from({ length: 20 }, (_, i) => 10 + i);
		arrive(endless);
		all.push(write('anon', item(9)));
		for (let i = 0; i < 25; i++) await tick(); // every one of them is in by now
		expect(calls[1].items.length).toBeGreaterThan(1);
		expect(calls[1].items.length).toBeLessThanOrEqual(9);
		for (let next = 1; next < calls.length; next++) {
			calls[next].release();
			await tick();
			await tick();
		}
		expect(await Promise.all(all)).toHaveLength(25);
	});

	it('answers a write only once its transaction has committed', async () => {
		const { calls, commit } = recordingCommit();
		const write = groupCommit({ commit });
		let answered = false;
		void write('anon', item(1)).then(() => (answered = true));
		await tick();
		await tick();
		expect(answered).toBe(false);
		calls[0].release();
		await tick();
		expect(answered).toBe(true);
	});

	it('retries each write of a failed batch alone: only the bad one fails', async () => {
		const { calls, commit } = recordingCommit();
		const write = groupCommit({ commit });
		const first = write('anon', item(0));
		await tick();
		const rest = [item(1), item(2, 'anon', true), item(3)].map((i) => write('anon', i));
		calls[0].release();
		await tick();
		calls[1].release(); // [1, 2, 3] fails
		await tick();
		expect(calls.slice(2).map((c) => c.items.map((i) => i.id))).toEqual([[1], [2], [3]]);
		for (const c of calls.slice(2)) c.release();
		const settled = await Promise.allSettled([first, ...rest]);
		expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : String(s.reason)))).toEqual([
			'saved 0',
			'saved 1',
			'Error: refused 2',
			'saved 3'
		]);
	});

	it('refuses a commit that gives the wrong number of outcomes', async () => {
		const write = groupCommit<Item, string>({ commit: async () => [] });
		await expect(write('anon', item(1))).rejects.toThrow(/0 outcomes for 1 items/);
	});

	it('keeps keys apart, and runs at most `concurrency` transactions per key', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({ key: fc.constantFrom('anon', 'user:a', 'user:b'), bad: fc.boolean() }),
					{
						minLength: 1,
						maxLength: 40
					}
				),
				fc.integer({ min: 1, max: 8 }),
				fc.integer({ min: 1, max: 3 }),
				fc.scheduler(),
				async (specs, maxBatch, concurrency, s) => {
					const items = specs.map((spec, id) => item(id, spec.key, spec.bad));
					const inFlight = new Map<string, Item[][]>();
					const calls: Item[][] = [];
					// collected, not thrown: a throw in commit would read as a failed transaction
					const problems: string[] = [];
					const commit = async (batch: Item[]) => {
						calls.push(batch);
						const key = batch[0].key;
						if (batch.some((i) => i.key !== key)) problems.push('two keys in one batch');
						if (batch.length > maxBatch) problems.push(`${batch.length} > maxBatch`);
						// At most `concurrency` transactions of a key at once, the retries of one
						// failed batch counting as one.
						const others = inFlight.get(key) ?? [];
						const origin = (b: Item[]) =>
							(b.length === 1 && calls.find((c) => c.length > 1 && c.includes(b[0]))) || b;
						if (new Set([...others, batch].map(origin)).size > concurrency)
							problems.push('too many transactions of one key at once');
						inFlight.set(key, [...others, batch]);
						try {
							await s.schedule(Promise.resolve(), `commit ${batch.map((i) => i.id)}`);
							if (batch.some((i) => i.bad))
								throw new Error(`refused ${batch.find((i) => i.bad)!.id}`);
							return batch.map(outcomeOf);
						} finally {
							inFlight.set(
								key,
								inFlight.get(key)!.filter((b) => b !== batch)
							);
						}
					};
					const write = groupCommit({
						commit,
						maxBatch,
						concurrency,
						gather: () => s.schedule(Promise.resolve(), 'gather')
					});
					const arrived: Item[] = [];
					const answers = items.map((i) =>
						s.schedule(Promise.resolve(), `arrive ${i.id}`).then(() => {
							arrived.push(i);
							return write(i.key, i);
						})
					);
					const settled = await s.waitFor(Promise.allSettled(answers));

					expect(problems).toEqual([]);
					// each write gets its own outcome: saved when good, its own refusal when bad
					settled.forEach((result, id) => {
						if (items[id].bad)
							expect(result).toEqual({ status: 'rejected', reason: new Error(`refused ${id}`) });
						else expect(result).toEqual({ status: 'fulfilled', value: `saved ${id}` });
					});
					// at most two tries each (its batch, then alone); batches keep arrival order per key
					for (const i of items) {
						const tries = calls.filter((c) => c.includes(i)).length;
						expect(tries).toBeGreaterThanOrEqual(1);
						expect(tries).toBeLessThanOrEqual(2);
					}
					for (const key of new Set(items.map((i) => i.key))) {
						const firstTries = calls
							.filter((c) => c[0].key === key)
							.flat()
							.filter((i, at, all) => all.indexOf(i) === at)
							.map((i) => i.id);
						expect(firstTries).toEqual(arrived.filter((i) => i.key === key).map((i) => i.id));
					}
				}
			),
			{ numRuns: 200 }
		);
	});
});

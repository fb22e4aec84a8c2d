/**
 * Small-cell suppression (DESIGN §4): no count, percentage or quote attribution is shown for a
 * group of fewer than k people, and neither is a second cell that would let a hidden one be
 * worked out from the total (complementary suppression).
 */

/** k is configurable per community but never below this. */
export const MIN_K = 5;

export type Cell<K extends string = string> = { key: K; count: number };
export type ShownCell<K extends string = string> =
	{ key: K; count: number; suppressed: false } | { key: K; count: null; suppressed: true };

export function effectiveK(k: number): number {
	return Math.max(MIN_K, Math.floor(k));
}

/**
 * Hides every cell with 1 … k-1 people; when exactly one cell would be hidden and the total is
 * shown, also hides the smallest other non-zero cell, so the hidden one cannot be derived by
 * subtraction. When the whole group is under k, every cell is hidden. Zero cells stay shown:
 * "nobody" reveals nothing about anyone.
 */
export function suppressCells<K extends string>(
	cells: readonly Cell<K>[],
	k: number
): ShownCell<K>[] {
	const threshold = effectiveK(k);
	const total = cells.reduce((sum, cell) => sum + cell.count, 0);
	const hidden = new Set<K>();
	if (total > 0 && total < threshold) {
		for (const cell of cells) if (cell.count > 0) hidden.add(cell.key);
	} else {
		for (const cell of cells) if (cell.count > 0 && cell.count < threshold) hidden.add(cell.key);
		if (hidden.size === 1) {
			const complement = cells
				.filter((cell) => cell.count > 0 && !hidden.has(cell.key))
				.sort((a, b) => a.count - b.count)[0];
			if (complement) hidden.add(complement.key);
		}
	}
	return cells.map((cell) =>
		hidden.has(cell.key)
			? { key: cell.key, count: null, suppressed: true }
			: { key: cell.key, count: cell.count, suppressed: false }
	);
}

/** Whether a group of this size may be shown at all (a filtered view, a quote's attribution). */
export function groupIsShown(size: number, k: number): boolean {
	return size === 0 || size >= effectiveK(k);
}

/*
 * Agreement between two coders on one theme: for each item both coded, did each apply the
 * theme? Cohen's kappa corrects the share of items they agree on for the agreement two coders
 * would reach by chance with the same rates: κ = (pₒ − pₑ) / (1 − pₑ).
 */

export interface Agreement {
	/** items both coders coded */
	items: number;
	/** share of items on which they agree */
	observed: number;
	/** agreement expected by chance */
	expected: number;
	/** null when chance agreement is already total (both always or never apply it): κ is undefined */
	kappa: number | null;
}

/** Each pair: [first coder applied it, second coder applied it]. */
export function cohenKappa(pairs: readonly (readonly [boolean, boolean])[]): Agreement {
	const n = pairs.length;
	if (n === 0) return { items: 0, observed: 0, expected: 0, kappa: null };
	let both = 0;
	let neither = 0;
	let first = 0;
	let second = 0;
	for (const [a, b] of pairs) {
		if (a) first++;
		if (b) second++;
		if (a && b) both++;
		if (!a && !b) neither++;
	}
	const observed = (both + neither) / n;
	const expected = (first / n) * (second / n) + (1 - first / n) * (1 - second / n);
	const kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
	return { items: n, observed, expected, kappa };
}

/** Kappa for every theme over the items both coders finished; themes as sets of ids per item. */
export function kappaPerTheme(
	themeIds: readonly string[],
	items: readonly { first: ReadonlySet<string>; second: ReadonlySet<string> }[]
): Map<string, Agreement> {
	return new Map(
		themeIds.map((id) => [
			id,
			cohenKappa(items.map((item) => [item.first.has(id), item.second.has(id)] as const))
		])
	);
}

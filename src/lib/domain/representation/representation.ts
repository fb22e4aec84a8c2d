/**
 * Whose voices are missing: participants of each group of a dimension compared with the
 * community's census population (DESIGN §1, step 4). Pure arithmetic on counts; the server
 * gathers the counts, the page shows them (through suppression, see ./present.ts).
 */

/** The community's default: a group is flagged below 80 % of its population share. */
export const DEFAULT_THRESHOLD = 0.8;

export interface GroupRepresentation {
	value: string;
	participants: number;
	/** of the participants who described themselves in a group with a known population; null: no baseline */
	participantShare: number | null;
	/** of the population of the groups with a known population; null: unknown (suppressed by the census) */
	populationShare: number | null;
	/** participantShare ÷ populationShare; null when either is unknown or there are no participants yet */
	ratio: number | null;
	/** the ratio is below the threshold */
	flagged: boolean;
	/** how many more participants of this group, the others staying as they are, bring its ratio to the threshold; null when not computable */
	needed: number | null;
}

export interface DimensionIndexes {
	/**
	 * Go Vocal's index: the lowest participation rate (participants ÷ population) over the
	 * highest. A single group with nobody yet makes it 0, however small that group is.
	 */
	minMaxRatio: number | null;
	/**
	 * 1 − Duncan's dissimilarity index, 1 − ½·Σ|pᵢ − qᵢ| (p: participant shares, q: population
	 * shares). Chosen over a mean of capped ratios because it needs no cap to pick and reads
	 * plainly: it is the share of participants already in the place the population would put
	 * them; an empty group lowers it only by its own population share, so one missing small
	 * group does not zero it. 1 is a perfect mirror.
	 */
	similarity: number | null;
}

export interface DimensionRepresentation {
	groups: GroupRepresentation[];
	/** chose "prefer not to say": shown, but in no share (see representDimension) */
	preferNotToSay: number;
	/** took part without answering this dimension */
	unanswered: number;
	/** participants in the groups the shares are computed over */
	compared: number;
	indexes: DimensionIndexes;
	threshold: number;
}

/**
 * The smallest whole number x ≥ 0 of further participants of a group with n of N compared
 * participants and population share q for which (n + x) ÷ (N + x) ≥ t·q, the others staying.
 * Solved exactly: x ≥ (t·q·N − n) ÷ (1 − t·q); the ceiling is then checked in integers-safe
 * form so that floating point never costs or adds a person. null when no number of people can
 * reach it (t·q ≥ 1 with others present).
 */
export function participantsNeeded(
	n: number,
	compared: number,
	q: number,
	t: number
): number | null {
	const tq = t * q;
	const reaches = (x: number) => n + x >= tq * (compared + x) - 1e-9 * (compared + x);
	if (reaches(0)) return 0;
	if (tq >= 1) return null;
	let x = Math.max(0, Math.ceil((tq * compared - n) / (1 - tq)));
	while (x > 0 && reaches(x - 1)) x -= 1;
	while (!reaches(x)) x += 1;
	return x;
}

/**
 * One dimension's representation. `participants` maps each value participants chose to how many
 * chose it (prefer_not_to_say included under its own key); `population` is the baseline (a value
 * missing from it is unknown). Shares are taken over the groups whose population is known, on
 * both sides, so they compare like with like: "prefer not to say" and unanswered are not groups
 * of the population (the census has no such row), and counting them in the participants'
 * denominator would lower every group's ratio alike and flag groups that are in fact well heard.
 * They are reported beside the groups instead.
 */
export function representDimension(input: {
	/** the dimension's option values in display order (prefer_not_to_say excluded) */
	values: readonly string[];
	participants: Readonly<Record<string, number>>;
	population: Readonly<Record<string, number>>;
	/** everyone who took part through the sources counted, answered or not */
	totalParticipants: number;
	threshold: number;
	preferNotToSayValue?: string;
}): DimensionRepresentation {
	const { values, participants, population, threshold } = input;
	const pnts = input.preferNotToSayValue ?? 'prefer_not_to_say';
	const known = values.filter((value) => typeof population[value] === 'number');
	const totalPopulation = known.reduce((sum, value) => sum + population[value], 0);
	const compared = known.reduce((sum, value) => sum + (participants[value] ?? 0), 0);
	const described = Object.entries(participants).reduce((sum, [, count]) => sum + count, 0);
	const preferNotToSay = participants[pnts] ?? 0;

	const groups = values.map((value): GroupRepresentation => {
		const count = participants[value] ?? 0;
		const isKnown = typeof population[value] === 'number' && totalPopulation > 0;
		const q = isKnown ? population[value] / totalPopulation : null;
		const p = isKnown && compared > 0 ? count / compared : null;
		const ratio = p !== null && q !== null && q > 0 ? p / q : null;
		return {
			value,
			participants: count,
			participantShare: p,
			populationShare: q,
			ratio,
			flagged: ratio !== null && ratio < threshold,
			needed:
				q !== null && q > 0 && compared > 0
					? participantsNeeded(count, compared, q, threshold)
					: null
		};
	});

	return {
		groups,
		preferNotToSay,
		unanswered: Math.max(0, input.totalParticipants - described),
		compared,
		indexes: indexesOf(groups),
		threshold
	};
}

/** The two overall indexes of a dimension, over the groups with a known, non-zero population. */
export function indexesOf(groups: readonly GroupRepresentation[]): DimensionIndexes {
	const comparable = groups.filter(
		(group) => group.populationShare !== null && group.populationShare > 0
	);
	if (!comparable.length || comparable.some((group) => group.participantShare === null))
		return { minMaxRatio: null, similarity: null };
	// Rates are proportional to ratios (rate = ratio · compared ÷ population), so their
	// quotient is the ratios' quotient.
	const ratios = comparable.map((group) => group.ratio ?? 0);
	const max = Math.max(...ratios);
	const dissimilarity =
		groups.reduce(
			(sum, group) => sum + Math.abs((group.participantShare ?? 0) - (group.populationShare ?? 0)),
			0
		) / 2;
	return {
		minMaxRatio: max > 0 ? Math.min(...ratios) / max : null,
		similarity: 1 - dissimilarity
	};
}

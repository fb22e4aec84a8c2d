/**
 * What the representation dashboard shows of a dimension, with small-cell suppression applied
 * (DESIGN §4) to every count of people: the groups, "prefer not to say" and "unanswered" are the
 * cells of one table whose total (everyone counted) is shown, so they go through suppressCells
 * together, complementary suppression included.
 *
 * A hidden group shows no count, share, ratio or flag (each would give its count back, the
 * shares and the compared total being known). Its outreach target is still useful and safe as
 * an upper bound that depends on shown numbers only: the number needed if the group had nobody
 * yet and everyone counted were compared (needed falls by one per person already there, and
 * rises with the compared total, which is at most everyone). The min-max index is hidden when a hidden group sets it (the lowest ratio over a shown
 * highest one is that group's ratio).
 */
import { suppressCells } from '../suppression/suppress';
import {
	participantsNeeded,
	representDimension,
	type DimensionRepresentation
} from './representation';

export type ShownGroup = {
	value: string;
	populationShare: number | null;
} & (
	| {
			suppressed: false;
			participants: number;
			participantShare: number | null;
			ratio: number | null;
			flagged: boolean;
			needed: number | null;
	  }
	| {
			suppressed: true;
			/** how many more would certainly suffice (the number needed from nobody) */
			neededAtMost: number | null;
	  }
);

export type ShownCount = { count: number; suppressed: false } | { count: null; suppressed: true };

export interface DimensionView {
	dimension: string;
	/** whether the community has a baseline for it (without one, only counts are shown) */
	hasBaseline: boolean;
	groups: ShownGroup[];
	preferNotToSay: ShownCount;
	unanswered: ShownCount;
	minMaxRatio: { value: number | null; hidden: boolean };
	similarity: number | null;
	flaggedCount: number;
}

const shownCount = (cell: { count: number | null; suppressed: boolean }): ShownCount =>
	cell.suppressed ? { count: null, suppressed: true } : { count: cell.count!, suppressed: false };

const UNANSWERED = '\u0000unanswered';

export function presentDimension(input: {
	dimension: string;
	values: readonly string[];
	participants: Readonly<Record<string, number>>;
	population: Readonly<Record<string, number>> | null;
	totalParticipants: number;
	threshold: number;
	k: number;
	/** the dimension has no "prefer not to say" (language answered in) */
	preferNotToSayValue?: string;
}): DimensionView {
	const pnts = input.preferNotToSayValue ?? 'prefer_not_to_say';
	const computed: DimensionRepresentation = representDimension({
		values: input.values,
		participants: input.participants,
		population: input.population ?? {},
		totalParticipants: input.totalParticipants,
		threshold: input.threshold,
		preferNotToSayValue: pnts
	});
	const cells = suppressCells(
		[
			...computed.groups.map((group) => ({ key: group.value, count: group.participants })),
			{ key: pnts, count: computed.preferNotToSay },
			{ key: UNANSWERED, count: computed.unanswered }
		],
		input.k
	);
	const hidden = new Set(cells.filter((cell) => cell.suppressed).map((cell) => cell.key));
	const groups = computed.groups.map((group): ShownGroup => {
		if (!hidden.has(group.value))
			return {
				value: group.value,
				populationShare: group.populationShare,
				suppressed: false,
				participants: group.participants,
				participantShare: group.participantShare,
				ratio: group.ratio,
				flagged: group.flagged,
				needed: group.needed
			};
		return {
			value: group.value,
			populationShare: group.populationShare,
			suppressed: true,
			neededAtMost:
				group.populationShare !== null && group.populationShare > 0 && input.totalParticipants > 0
					? participantsNeeded(0, input.totalParticipants, group.populationShare, input.threshold)
					: null
		};
	});
	const comparable = computed.groups.filter((g) => g.ratio !== null);
	const lowest = comparable.reduce<(typeof comparable)[number] | null>(
		(low, g) => (low === null || (g.ratio ?? 0) < (low.ratio ?? 0) ? g : low),
		null
	);
	const minMaxHidden = lowest !== null && hidden.has(lowest.value);
	return {
		dimension: input.dimension,
		hasBaseline: input.population !== null,
		groups,
		preferNotToSay: shownCount(cells.find((cell) => cell.key === pnts)!),
		unanswered: shownCount(cells.find((cell) => cell.key === UNANSWERED)!),
		minMaxRatio: {
			value: minMaxHidden ? null : computed.indexes.minMaxRatio,
			hidden: minMaxHidden
		},
		similarity: computed.indexes.similarity,
		flaggedCount: groups.filter((g) => !g.suppressed && g.flagged).length
	};
}

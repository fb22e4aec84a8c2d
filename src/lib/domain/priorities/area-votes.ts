/*
 * A priority area's standing in the vote rounds that offered it: its points and its place among
 * the round's options. Evidence (what people said) and votes (what people chose) sit side by
 * side on the area's page, so the synthesis team sees where they agree and where they do not.
 */

export interface OptionPoints {
	optionId: string;
	/** dots, approvals or Borda points, online and on paper together */
	points: number;
}

export interface Standing {
	points: number;
	/** 1 = most points; options with equal points share a place */
	rank: number;
	options: number;
}

/** Where one option stands among its round's options (standard competition ranking: 1, 2, 2, 4). */
export function standingOf(options: readonly OptionPoints[], optionId: string): Standing | null {
	const own = options.find((option) => option.optionId === optionId);
	if (!own) return null;
	const ahead = options.filter((option) => option.points > own.points).length;
	return { points: own.points, rank: ahead + 1, options: options.length };
}

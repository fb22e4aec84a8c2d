/**
 * From people counted by their answers on the chosen dimensions ("cells") to one raked weight
 * per cell. Shared by questionnaire results (cells counted in SQL by public.answer_tallies) and
 * vote rounds (cells from the ballots' short profiles), so both weight people the same way.
 */
import type { WeightingSummary } from '../results/weighted';
import { DEFAULT_MIN_GROUP, DEFAULT_TRIM, rake, type RakeCell, type RakeProblem } from './rake';

/** How many people gave these values, one per dimension in order; null: not said. */
export interface CountedCell {
	cell: readonly (string | null)[];
	count: number;
}

export interface CellWeights extends WeightingSummary {
	/** weight of a person by their cell (cellKey of their values on the dimensions) */
	byCell: Map<string, number>;
}

export type CellWeightsOutcome =
	{ ok: true; weights: CellWeights } | { ok: false; problems: RakeProblem[]; minGroup: number };

/** A population baseline as raking needs it (a PopulationBaseline is one). */
export type MarginBaseline = { dimension: string; counts: Readonly<Record<string, number>> };

/** One key per combination of values; null (not said) kept apart from every value. */
export const cellKey = (values: readonly (string | null)[]) => JSON.stringify(values);

/**
 * Rakes counted cells to the baselines of the chosen dimensions. Values a baseline does not
 * know (suppressed by the census, "another gender", which it does not publish, or "prefer not
 * to say") count as not said: kept at their own share, neither dropped nor forced into a group.
 * Every cell given finds its weight in byCell, under its own values.
 */
export function weightCells(
	rows: readonly CountedCell[],
	dimensions: readonly string[],
	baselines: readonly MarginBaseline[]
): CellWeightsOutcome {
	const margins = dimensions.map((dimension) => ({
		dimension,
		population: baselines.find((b) => b.dimension === dimension)?.counts ?? {}
	}));
	const known = (value: string | null, m: number) =>
		value !== null && Object.hasOwn(margins[m].population, value) ? value : null;
	// Cells that differ only in values the baseline does not know are one cell.
	const merged = new Map<string, RakeCell>();
	for (const row of rows) {
		const values = row.cell.map(known);
		const key = cellKey(values);
		const existing = merged.get(key);
		merged.set(key, { values, count: (existing?.count ?? 0) + row.count });
	}
	const cells = [...merged.values()];
	const result = rake(cells, margins, { trim: DEFAULT_TRIM, minGroup: DEFAULT_MIN_GROUP });
	if (!result.ok) return { ok: false, problems: result.problems, minGroup: DEFAULT_MIN_GROUP };
	const byCell = new Map(cells.map((c, i) => [cellKey(c.values), result.weights[i]]));
	// Raw cells map onto the merged ones, so a person's own values find their weight.
	for (const row of rows) {
		const weight = byCell.get(cellKey(row.cell.map(known)));
		if (weight !== undefined) byCell.set(cellKey(row.cell), weight);
	}
	return {
		ok: true,
		weights: {
			dimensions: [...dimensions],
			byCell,
			n: result.n,
			effectiveN: result.effectiveN,
			designEffect: result.designEffect,
			report: result.report,
			trim: { ...DEFAULT_TRIM }
		}
	};
}

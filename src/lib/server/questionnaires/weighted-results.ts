/**
 * A questionnaire's results weighted to the community's census baselines on the dimensions the
 * organizer picks, from counts per (question, answer, cell) made in the database by
 * public.answer_tallies (./answer-tallies.ts), so that the work here grows with the number of distinct answers, not
 * of responses.
 *
 * Weights are raked on every response of the questionnaire (a filter narrows what is estimated,
 * not who stands for whom), one weight per combination of answers on the chosen dimensions.
 *
 * Outcomes: { ok: false, problems } when raking refuses (a group with nobody or too few, see
 * $lib/domain/weighting/rake); { ok: true, weights, questions } otherwise. The caller has checked
 * that the person may read responses and that the view may be shown.
 */
import type { DemographicDimension, Question } from '$lib/domain/questionnaires';
import type { PopulationBaseline } from '$lib/domain/representation/baseline';
import { noFilter, type ResultsFilter } from '$lib/domain/results/filters';
import {
	isWeightable,
	weightQuestion,
	type WeightedQuestion,
	type WeightedResultsOutcome
} from '$lib/domain/results/weighted';
import {
	cellKey,
	weightCells,
	type CellWeights,
	type CellWeightsOutcome
} from '$lib/domain/weighting/cells';
import type { Queryable } from '../db/types';
import { answerTallies, byKey, tallyKey } from './answer-tallies';

/** weight of a respondent by their cell (cellKey of their values on the dimensions) */
export type RespondentWeights = CellWeights;
export type WeightsOutcome = CellWeightsOutcome;
export { cellKey };

/**
 * Rakes every response of a questionnaire to the baselines of the chosen dimensions. Values a
 * baseline does not know (suppressed by the census, or "another gender", which it does not
 * publish) count as not said: kept at their own share, neither dropped nor forced into a group.
 */
export async function respondentWeights(
	tx: Queryable,
	input: {
		questionnaireId: string;
		dimensions: readonly DemographicDimension[];
		baselines: readonly PopulationBaseline[];
	}
): Promise<WeightsOutcome> {
	const dimensions = [...input.dimensions];
	// Counted in the database (one row per combination), see public.answer_tallies.
	const rows = await answerTallies(tx, {
		questionnaireId: input.questionnaireId,
		questions: [],
		filter: noFilter,
		weighting: dimensions,
		respondents: true
	});
	return weightCells(rows, dimensions, input.baselines);
}

/**
 * Every weightable question's answers in the filtered view, counted per answer and cell in the
 * database, then weighted and suppressed like the raw results.
 */
export async function weightedQuestions(
	tx: Queryable,
	input: {
		questionnaireId: string;
		questions: readonly Question[];
		filter: ResultsFilter;
		weights: RespondentWeights;
		k: number;
	}
): Promise<WeightedQuestion[]> {
	const weighable = input.questions.filter(isWeightable);
	const rows = await answerTallies(tx, {
		questionnaireId: input.questionnaireId,
		questions: weighable,
		filter: input.filter,
		weighting: input.weights.dimensions as DemographicDimension[]
	});
	const tallies = byKey(rows);
	return weighable.map((question) =>
		weightQuestion(
			question,
			(tallies.get(tallyKey(question)) ?? []).map((row) => ({
				value: row.value,
				weight: input.weights.byCell.get(cellKey(row.cell)) ?? 1,
				count: row.count
			})),
			input.k
		)
	);
}

/** Rakes on the chosen dimensions, then weights every question of the view. */
export async function weightedResults(
	tx: Queryable,
	input: {
		questionnaireId: string;
		questions: readonly Question[];
		filter: ResultsFilter;
		dimensions: readonly DemographicDimension[];
		baselines: readonly PopulationBaseline[];
		k: number;
	}
): Promise<WeightedResultsOutcome> {
	const weighed = await respondentWeights(tx, input);
	if (!weighed.ok) return weighed;
	const { dimensions, n, effectiveN, designEffect, report, trim } = weighed.weights;
	return {
		ok: true,
		summary: { dimensions, n, effectiveN, designEffect, report, trim },
		questions: await weightedQuestions(tx, { ...input, weights: weighed.weights })
	};
}

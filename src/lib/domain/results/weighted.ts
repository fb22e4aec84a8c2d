/**
 * A question's results once respondents are weighted to the census (../weighting/rake.ts),
 * shown beside the unweighted ones. Answers arrive grouped: one entry per distinct answer and
 * weight, with how many respondents gave it, so a million responses are a few hundred entries.
 *
 * Suppression (DESIGN §4) follows the raw counts: an option whose raw count is hidden has its
 * weighted share hidden too (a weighted share times the weighted total is the count again, near
 * enough), and nothing is shown of a question fewer than k people answered.
 */
import {
	chosenValues,
	otherTextOf,
	OTHER_CHOICE,
	type AnswerByType,
	type Bilingual,
	type Question
} from '../questionnaires';
import { groupIsShown, suppressCells } from '../suppression/suppress';
import { effectiveSampleSize, type RakeProblem, type RakeReport } from '../weighting/rake';
import {
	sumWeights,
	weightedMean,
	weightedProportion,
	type Estimate,
	type WeightedGroup
} from '../weighting/estimate';
import { answerLabel, answerLabels } from './labels';

/** Respondents who gave the same answer and carry the same weight. */
export type WeightedAnswer = { value: unknown; weight: number; count: number };

export interface WeightedRow {
	value: string;
	label: Bilingual;
	/** unweighted share of those who answered; null when suppressed */
	raw: number | null;
	/** weighted share ± margin of error; null when suppressed */
	weighted: Estimate | null;
	suppressed: boolean;
}

export interface WeightedRankRow {
	value: string;
	label: Bilingual;
	/** 1 = most points; null when suppressed */
	rawPlace: number | null;
	weightedPlace: number | null;
	/** weighted Borda points per weighted respondent */
	weightedPoints: number | null;
	suppressed: boolean;
}

export type WeightedQuestion = {
	id: string;
	/** effective number of respondents to this question once weighted; null when hidden */
	effectiveN: number | null;
	/** fewer than k answered: nothing is shown */
	hidden: boolean;
} & (
	| {
			kind: 'choices' | 'scale';
			rows: WeightedRow[];
			mean: Estimate | null;
			rawMean: number | null;
	  }
	| { kind: 'number'; mean: Estimate | null; rawMean: number | null }
	| { kind: 'ranking'; rows: WeightedRankRow[] }
	| { kind: 'none' }
);

const raw = (groups: readonly WeightedGroup[]) => groups.reduce((sum, g) => sum + g.count, 0);
const unweighted = (groups: readonly WeightedAnswer[]) => groups.map((g) => ({ ...g, weight: 1 }));

/** Which option values an answer counts for (one or several, "Other" included). */
function countedValues(question: Question, value: unknown): string[] {
	if (question.type === 'agreement_scale' || question.type === 'rating') return [String(value)];
	if (question.type === 'yes_no' || question.type === 'demographic') return [String(value)];
	const answer = value as AnswerByType['single_choice' | 'multiple_choice'];
	return [...chosenValues(answer), ...(otherTextOf(answer) !== undefined ? [OTHER_CHOICE] : [])];
}

function shareRows(
	question: Question,
	answers: readonly WeightedAnswer[],
	k: number
): WeightedRow[] {
	const byOption = new Map<string, WeightedAnswer[]>(
		answerLabels(question).map(({ value }) => [value, []])
	);
	for (const answer of answers)
		for (const value of countedValues(question, answer.value)) {
			if (!byOption.has(value)) byOption.set(value, []);
			byOption.get(value)!.push(answer);
		}
	const shown = suppressCells(
		[...byOption].map(([key, groups]) => ({ key, count: raw(groups) })),
		k
	);
	const answered = raw(answers);
	return shown.map((cell) => {
		const groups = byOption.get(cell.key)!;
		return {
			value: cell.key,
			label: answerLabel(question, cell.key),
			raw: cell.suppressed || answered === 0 ? null : raw(groups) / answered,
			weighted: cell.suppressed ? null : weightedProportion(groups, answers),
			suppressed: cell.suppressed
		};
	});
}

function rankRows(
	question: Extract<Question, { type: 'ranking' }>,
	answers: readonly WeightedAnswer[],
	k: number
): WeightedRankRow[] {
	const points = (groups: readonly WeightedAnswer[]) => {
		const totals = new Map(question.options.map((o) => [o.value, { points: 0, times: 0 }]));
		for (const { value, weight, count } of groups)
			(value as string[]).forEach((option, index) => {
				const entry = totals.get(option);
				if (!entry) return;
				entry.points += (question.top - index) * weight * count;
				entry.times += count;
			});
		return totals;
	};
	const rawPoints = points(unweighted(answers));
	const weighted = points(answers);
	const hidden = new Set(
		suppressCells(
			[...rawPoints].map(([key, s]) => ({ key, count: s.times })),
			k
		)
			.filter((cell) => cell.suppressed)
			.map((cell) => cell.key)
	);
	// Places are counted among the shown options only: a hidden option's place would hint at its points.
	const placeOf = (totals: Map<string, { points: number }>) => {
		const order = [...totals]
			.filter(([value]) => !hidden.has(value))
			.sort((a, b) => b[1].points - a[1].points)
			.map(([value]) => value);
		return (value: string) => (hidden.has(value) ? null : order.indexOf(value) + 1);
	};
	const rawPlace = placeOf(rawPoints);
	const weightedPlace = placeOf(weighted);
	const total = sumWeights(answers);
	return question.options
		.map((option) => ({
			value: option.value,
			label: option.label,
			rawPlace: rawPlace(option.value),
			weightedPlace: weightedPlace(option.value),
			weightedPoints:
				hidden.has(option.value) || total <= 0 ? null : weighted.get(option.value)!.points / total,
			suppressed: hidden.has(option.value)
		}))
		.sort((a, b) => (a.weightedPlace ?? Infinity) - (b.weightedPlace ?? Infinity));
}

const numeric = (answers: readonly WeightedAnswer[]) =>
	answers.map((a) => ({ value: Number(a.value), weight: a.weight, count: a.count }));

/** One question's weighted results beside its unweighted ones, suppression applied. */
export function weightQuestion(
	question: Question,
	answers: readonly WeightedAnswer[],
	k: number
): WeightedQuestion {
	const hidden = !groupIsShown(raw(answers), k);
	const base = {
		id: question.id,
		effectiveN: hidden ? null : effectiveSampleSize(answers),
		hidden
	};
	if (hidden) return { ...base, kind: 'none' };
	switch (question.type) {
		case 'single_choice':
		case 'multiple_choice':
		case 'yes_no':
		case 'demographic':
			return {
				...base,
				kind: 'choices',
				rows: shareRows(question, answers, k),
				mean: null,
				rawMean: null
			};
		case 'agreement_scale':
		case 'rating':
			return {
				...base,
				kind: 'scale',
				rows: shareRows(question, answers, k),
				mean: weightedMean(numeric(answers)),
				rawMean: weightedMean(numeric(unweighted(answers)))?.value ?? null
			};
		case 'number':
			return {
				...base,
				kind: 'number',
				mean: weightedMean(numeric(answers)),
				rawMean: weightedMean(numeric(unweighted(answers)))?.value ?? null
			};
		case 'ranking':
			return { ...base, kind: 'ranking', rows: rankRows(question, answers, k) };
		default:
			// Written answers and consent have no share or mean to weight.
			return { ...base, kind: 'none' };
	}
}

/** Whether a question type has weighted results at all (written answers have none). */
export function isWeightable(question: Question): boolean {
	return !['short_text', 'long_text', 'consent'].includes(question.type);
}

/** How the respondents were weighted, as the results page reports it. */
export interface WeightingSummary {
	dimensions: string[];
	n: number;
	effectiveN: number;
	designEffect: number;
	report: RakeReport;
	trim: { lower: number; upper: number };
}

export type WeightedResultsOutcome =
	| { ok: false; problems: RakeProblem[]; minGroup: number }
	| { ok: true; summary: WeightingSummary; questions: WeightedQuestion[] };

/**
 * What the results page shows of a group's answers, with small-cell suppression applied
 * (DESIGN §4): no count, percentage or quote attribution for fewer than k people. The page
 * renders these values as they are; nothing it receives needs hiding again.
 */
import { OTHER_CHOICE, type Bilingual, type Question } from '../questionnaires';
import { effectiveK, groupIsShown, suppressCells } from '../suppression/suppress';
import { answerLabel, answerLabels } from './labels';
import type { QuestionSummary } from './summarize';

/** How many people are in a view, and in the wider views one filter less would show. */
export interface GroupCounts {
	/** responses matching the whole filter */
	size: number;
	/** all responses to the questionnaire */
	total: number;
	/** for each filter in use, the responses matching the others (the view without it) */
	parents: number[];
}

export type Visibility =
	| { shown: true }
	/** the group itself has 1 … k-1 people */
	| { shown: false; reason: 'group_too_small' }
	/**
	 * the group is large enough, but the people a filter leaves out of a wider view number
	 * 1 … k-1: comparing the two views would show those few people's answers
	 */
	| { shown: false; reason: 'complement_too_small' };

/** Whether a (filtered) view may be shown at all. */
export function viewVisibility(counts: GroupCounts, k: number): Visibility {
	// Nobody: an empty view tells nothing about anyone, whatever the wider views hold.
	if (counts.size === 0) return { shown: true };
	if (!groupIsShown(counts.size, k)) return { shown: false, reason: 'group_too_small' };
	const wider = [counts.total, ...counts.parents];
	if (wider.some((count) => !groupIsShown(count - counts.size, k)))
		return { shown: false, reason: 'complement_too_small' };
	return { shown: true };
}

/** A number that is shown, or "fewer than k" in its place. */
export type Shown = { value: number; suppressed: false } | { value: null; suppressed: true };

const shown = (value: number): Shown => ({ value, suppressed: false });
const hidden: Shown = { value: null, suppressed: true };

/** A count shown on its own: hidden for 1 … k-1 people. */
export function shownCount(count: number, k: number): Shown {
	return groupIsShown(count, k) ? shown(count) : hidden;
}

export interface CountRow {
	value: string;
	label: Bilingual;
	/** people; null when suppressed */
	count: number | null;
	/** of the people who answered the question; null when suppressed or nobody answered */
	percent: number | null;
	suppressed: boolean;
}

export interface RankRow {
	value: string;
	label: Bilingual;
	/** people who placed this option; null when suppressed */
	timesRanked: number | null;
	bordaPoints: number | null;
	averageRank: number | null;
	suppressed: boolean;
}

interface Common {
	id: string;
	type: Question['type'];
	prompt: Bilingual;
	/** people who answered the question in this view */
	answered: Shown;
}

export type QuestionView = Common &
	(
		| {
				kind: 'choices';
				rows: CountRow[];
				multiple: boolean;
				/** what people wrote for "Other"; empty when their number is hidden */
				otherTexts: string[];
				/** fewer than k chose "Other" (or it would reveal a hidden cell): texts not shown */
				otherTextsHidden: boolean;
		  }
		| { kind: 'scale'; rows: CountRow[]; mean: number | null; median: number | null }
		| {
				kind: 'number';
				mean: number | null;
				median: number | null;
				min: number | null;
				max: number | null;
		  }
		| { kind: 'ranking'; rows: RankRow[]; top: number }
		| {
				kind: 'text';
				/** empty when fewer than k answered: a list of them would be their number */
				texts: { text: string; language: 'en' | 'fr' }[];
				textsHidden: boolean;
		  }
		| { kind: 'consent' }
	);

function countRows(
	question: Question,
	cells: { value: string; count: number }[],
	answered: number,
	k: number
): CountRow[] {
	const suppressed = suppressCells(
		cells.map((cell) => ({ key: cell.value, count: cell.count })),
		k
	);
	return suppressed.map((cell) => ({
		value: cell.key,
		label: answerLabel(question, cell.key),
		count: cell.count,
		percent: cell.suppressed || answered === 0 ? null : (cell.count / answered) * 100,
		suppressed: cell.suppressed
	}));
}

/**
 * One question's summary as the page shows it. Every count table goes through suppressCells;
 * statistics of fewer than k answers (a mean of two people is their answers) are left out;
 * written answers are listed only when at least k people wrote them (the list is their number),
 * and only for a view that may be shown, which the caller has checked.
 */
export function presentQuestion(question: Question, summary: QuestionSummary, k: number) {
	const enough = groupIsShown(summary.answered, k);
	const common: Common = {
		id: question.id,
		type: question.type,
		prompt: question.prompt,
		answered: shownCount(summary.answered, k)
	};
	switch (summary.kind) {
		case 'choices': {
			const rows = countRows(question, summary.counts, summary.answered, k);
			// Listing the "Other" texts shows how many there are: only when that count is shown.
			const otherTextsHidden =
				rows.find((row) => row.value === OTHER_CHOICE)?.suppressed === true ||
				!groupIsShown(summary.otherTexts.length, k);
			return {
				...common,
				kind: 'choices',
				multiple: question.type === 'multiple_choice',
				rows,
				otherTexts: otherTextsHidden ? [] : summary.otherTexts,
				otherTextsHidden
			} satisfies QuestionView;
		}
		case 'scale': {
			// Every point of the scale is a row, in order, even with nobody on it.
			const byValue = new Map(summary.distribution.map((p) => [String(p.value), p.count]));
			const cells = answerLabels(question).map(({ value }) => ({
				value,
				count: byValue.get(value) ?? 0
			}));
			return {
				...common,
				kind: 'scale',
				rows: countRows(question, cells, summary.answered, k),
				mean: enough ? summary.mean : null,
				median: enough ? summary.median : null
			} satisfies QuestionView;
		}
		case 'number':
			return {
				...common,
				kind: 'number',
				mean: enough ? summary.mean : null,
				median: enough ? summary.median : null,
				min: enough ? summary.min : null,
				max: enough ? summary.max : null
			} satisfies QuestionView;
		case 'ranking': {
			const cells = suppressCells(
				summary.options.map((o) => ({ key: o.value, count: o.timesRanked })),
				k
			);
			const isHidden = new Set(cells.filter((c) => c.suppressed).map((c) => c.key));
			return {
				...common,
				kind: 'ranking',
				top: question.type === 'ranking' ? question.top : 0,
				// Hidden options go last, in the question's order: their place among the others
				// would hint at their points.
				rows: [
					...summary.options.filter((option) => !isHidden.has(option.value)),
					...answerLabels(question).flatMap(({ value }) =>
						summary.options.filter((o) => o.value === value && isHidden.has(value))
					)
				].map((option) => {
					const suppressed = isHidden.has(option.value);
					return {
						value: option.value,
						label: answerLabel(question, option.value),
						timesRanked: suppressed ? null : option.timesRanked,
						bordaPoints: suppressed ? null : option.bordaPoints,
						averageRank: suppressed ? null : option.averageRank,
						suppressed
					};
				})
			} satisfies QuestionView;
		}
		case 'text':
			return {
				...common,
				kind: 'text',
				texts: enough ? summary.texts : [],
				textsHidden: !enough
			} satisfies QuestionView;
		case 'consent':
			return { ...common, kind: 'consent' } satisfies QuestionView;
	}
}

export type ResultsView =
	| { shown: true; k: number; responses: number; questions: QuestionView[] }
	| { shown: false; k: number; reason: 'group_too_small' | 'complement_too_small' };

/** The whole page: either every question's results, or why this view cannot be shown. */
export function presentResults(
	items: { question: Question; summary: QuestionSummary }[],
	counts: GroupCounts,
	k: number
): ResultsView {
	const threshold = effectiveK(k);
	const visibility = viewVisibility(counts, threshold);
	if (!visibility.shown) return { shown: false, k: threshold, reason: visibility.reason };
	return {
		shown: true,
		k: threshold,
		responses: counts.size,
		questions: items.map(({ question, summary }) => presentQuestion(question, summary, threshold))
	};
}

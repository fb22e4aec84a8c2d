import { z } from 'zod';
import { groupIsShown, suppressCells, type ShownCell } from '../suppression/suppress';

export const endorsementAnswers = ['agree', 'partly', 'disagree'] as const;
export type EndorsementAnswer = (typeof endorsementAnswers)[number];

export const COMMENT_MAX_LENGTH = 2000;

const answer = z.enum(endorsementAnswers, 'vision.errors.choose_answer');

/** A resident's endorsement as the form posts it, checked against the goals of the version. */
export function endorsementSchema(goalKeys: readonly string[]) {
	return z.object({
		statement: answer,
		// every goal is optional: someone may answer only the statement
		goals: z
			.record(z.string(), answer)
			.refine(
				(goals) => Object.keys(goals).every((key) => goalKeys.includes(key)),
				'vision.errors.unknown_goal'
			),
		comment: z
			.string()
			.trim()
			.max(COMMENT_MAX_LENGTH, 'errors.too_long')
			.transform((text) => (text === '' ? null : text))
	});
}
export type Endorsement = z.infer<ReturnType<typeof endorsementSchema>>;

/** The endorsement form's fields (statement, goal.<key>, comment) → the shape to check. */
export function endorsementFromForm(values: Record<string, string>): unknown {
	const goals: Record<string, string> = {};
	for (const [name, value] of Object.entries(values)) {
		const goal = /^goal\.(.+)$/.exec(name);
		if (goal && value !== '') goals[goal[1]] = value;
	}
	return { statement: values.statement ?? '', goals, comment: values.comment ?? '' };
}

/** One stored endorsement as the results read it. */
export interface CountedEndorsement {
	statement: EndorsementAnswer;
	goals: Record<string, EndorsementAnswer>;
	profile: Record<string, string>;
}

export interface AnswerCounts {
	/** people who answered this item */
	total: number | null;
	cells: ShownCell<EndorsementAnswer>[];
}

export interface GroupResult {
	value: string;
	/** people of this group who answered; null when the group itself is hidden */
	size: number | null;
	items: Record<string, AnswerCounts>;
}

export interface EndorsementResults {
	responses: number | null;
	/** item → counts: 'statement' and each goal key */
	overall: Record<string, AnswerCounts>;
	byProfile: { dimension: string; groups: GroupResult[] }[];
}

function counts(answers: readonly (EndorsementAnswer | undefined)[], k: number): AnswerCounts {
	const given = answers.filter((a): a is EndorsementAnswer => a !== undefined);
	const cells = suppressCells(
		endorsementAnswers.map((key) => ({ key, count: given.filter((a) => a === key).length })),
		k
	);
	return { total: groupIsShown(given.length, k) ? given.length : null, cells };
}

function itemCounts(rows: readonly CountedEndorsement[], goalKeys: readonly string[], k: number) {
	const items: Record<string, AnswerCounts> = {
		statement: counts(
			rows.map((row) => row.statement),
			k
		)
	};
	for (const key of goalKeys)
		items[key] = counts(
			rows.map((row) => row.goals[key]),
			k
		);
	return items;
}

/**
 * Agree / partly / disagree per item, overall and by each profile dimension's groups. Every
 * count of people goes through suppression at k: answer cells within an item, and group sizes
 * within a dimension (a group hidden there shows nothing, so its answers cannot be derived from
 * the overall counts minus the other groups).
 */
export function endorsementResults(
	rows: readonly CountedEndorsement[],
	goalKeys: readonly string[],
	dimensions: readonly string[],
	k: number
): EndorsementResults {
	const [shownTotal] = suppressCells([{ key: 'all', count: rows.length }], k);
	return {
		responses: shownTotal.count,
		overall: itemCounts(rows, goalKeys, k),
		byProfile: dimensions.map((dimension) => {
			const values = [...new Set(rows.flatMap((row) => row.profile[dimension] ?? []))].sort();
			const sizes = suppressCells(
				values.map((value) => ({
					key: value,
					count: rows.filter((row) => row.profile[dimension] === value).length
				})),
				k
			);
			return {
				dimension,
				groups: sizes.map((size) => ({
					value: size.key,
					size: size.count,
					items: size.suppressed
						? {}
						: itemCounts(
								rows.filter((row) => row.profile[dimension] === size.key),
								goalKeys,
								k
							)
				}))
			};
		})
	};
}

import { z } from 'zod';
import { languages, type Lang } from '../../i18n/languages';
import { bilingual, missingLanguages, type Bilingual } from '../questionnaires/bilingual';

/** A goal keeps its key from version to version, so versions and endorsements can be compared. */
export const GOAL_KEY = /^g[0-9]{1,3}$/;
export const MAX_GOALS = 20;

export const goalSchema = z.object({
	// blank for a goal just added: assignGoalKeys gives it one when it is saved
	key: z.string().regex(/^(g[0-9]{1,3})?$/, 'errors.invalid'),
	text: bilingual,
	areas: z.array(z.uuid()).max(20)
});
export type Goal = z.infer<typeof goalSchema>;

export const visionDraftSchema = z.object({
	statement: bilingual,
	goals: z.array(goalSchema).max(MAX_GOALS, 'vision.errors.too_many_goals')
});
export type VisionDraft = z.infer<typeof visionDraftSchema>;

/**
 * The vision form's fields → a draft to check: statement.en/.fr, and per goal row i
 * goal.i.key, goal.i.en, goal.i.fr and goal.i.area.<area id> checkboxes. A goal row left blank
 * in both languages is dropped (the form always offers one empty row to add a goal).
 */
export function draftFromForm(entries: Iterable<[string, string]>): unknown {
	const values = new Map<string, string>();
	const areas = new Map<string, string[]>();
	for (const [name, value] of entries) {
		const area = /^goal\.(\d+)\.area$/.exec(name);
		if (area) areas.set(area[1], [...(areas.get(area[1]) ?? []), value]);
		else values.set(name, value);
	}
	const rows = [
		...new Set([...values.keys()].flatMap((name) => /^goal\.(\d+)\./.exec(name)?.[1] ?? []))
	].sort((a, b) => Number(a) - Number(b));
	const read = (name: string) => values.get(name) ?? '';
	const goals = rows
		.map((row) => ({
			key: read(`goal.${row}.key`),
			text: { en: read(`goal.${row}.en`), fr: read(`goal.${row}.fr`) },
			areas: areas.get(row) ?? []
		}))
		.filter((goal) => goal.text.en.trim() !== '' || goal.text.fr.trim() !== '');
	return {
		statement: { en: values.get('statement.en') ?? '', fr: values.get('statement.fr') ?? '' },
		goals
	};
}

/**
 * Goals of a submitted draft get keys: a well-formed key is kept the first time it appears,
 * other goals get one above every key used so far (in this draft or an earlier version), so a
 * removed goal's key is never given to a different goal.
 */
export function assignGoalKeys(
	goals: readonly Goal[],
	earlier: readonly { key: string }[]
): Goal[] {
	let highest = Math.max(0, ...[...earlier, ...goals].map((goal) => keyNumber(goal.key)));
	const seen = new Set<string>();
	return goals.map((goal) => {
		const key = GOAL_KEY.test(goal.key) && !seen.has(goal.key) ? goal.key : `g${++highest}`;
		seen.add(key);
		return key === goal.key ? goal : { ...goal, key };
	});
}

function keyNumber(key: string): number {
	return GOAL_KEY.test(key) ? Number(key.slice(1)) : 0;
}

export interface VisionProblem {
	/** the form field, to link to it: 'statement.fr', 'goal.2.en' */
	field: string;
	/** locale key naming the field's place: vision.fields.statement, vision.fields.goal */
	label: string;
	/** the goal's number, from 1, for vision.fields.goal */
	number?: number;
	language: Lang;
	/** questionnaire_errors.translation_missing_<lang>, as questionnaires say it */
	error: string;
}

/**
 * What stops a version from being published: every text residents read must exist in both
 * languages (DESIGN §4), and a vision needs a statement. Each problem names its field.
 */
export function publishProblems(draft: VisionDraft): VisionProblem[] {
	const problems: VisionProblem[] = [];
	const check = (text: Bilingual, field: string, label: string, number?: number) => {
		for (const language of missingLanguages(text))
			problems.push({
				field: `${field}.${language}`,
				label,
				number,
				language,
				error: `questionnaire_errors.translation_missing_${language}`
			});
	};
	check(draft.statement, 'statement', 'vision.fields.statement');
	draft.goals.forEach((goal, index) =>
		check(goal.text, `goal.${index}`, 'vision.fields.goal', index + 1)
	);
	return problems;
}

/** The draft as form values, to fill the form from a saved version. */
export function draftToForm(draft: VisionDraft): Record<string, string> {
	const values: Record<string, string> = {};
	for (const lang of languages) values[`statement.${lang}`] = draft.statement[lang];
	draft.goals.forEach((goal, index) => {
		values[`goal.${index}.key`] = goal.key;
		for (const lang of languages) values[`goal.${index}.${lang}`] = goal.text[lang];
	});
	return values;
}

import { languages, type Lang } from '../../i18n/languages';
import type { VisionDraft } from './vision';

/**
 * A run of words the same in both texts, only in the older one, or only in the newer one: the
 * words joined by single spaces (line breaks and runs of spaces are not changes worth showing),
 * so parts are shown separated by a space.
 */
export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

function tokens(text: string): string[] {
	return text.split(/\s+/).filter((word) => word !== '');
}

/**
 * Word-level difference between two texts by the longest common subsequence of their words
 * . Consecutive words of one kind are merged into one part.
 * Quadratic in words, which a vision statement (a few hundred words at most) easily allows.
 */
export function diffWords(before: string, after: string): DiffPart[] {
	const a = tokens(before);
	const b = tokens(after);
	const same = (i: number, j: number) => a[i] === b[j];
	// lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
	const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--)
		for (let j = b.length - 1; j >= 0; j--)
			lcs[i][j] = same(i, j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
	const parts: DiffPart[] = [];
	const push = (kind: DiffPart['kind'], text: string) => {
		const last = parts.at(-1);
		if (last?.kind === kind) last.text += ` ${text}`;
		else parts.push({ kind, text });
	};
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (same(i, j)) {
			push('same', b[j]);
			i++;
			j++;
		} else if (lcs[i + 1][j] >= lcs[i][j + 1]) push('removed', a[i++]);
		else push('added', b[j++]);
	}
	while (i < a.length) push('removed', a[i++]);
	while (j < b.length) push('added', b[j++]);
	return parts;
}

export interface FieldDiff {
	/** 'statement', or the goal's key */
	field: string;
	/** the goal's number in the newer version (or the older one, for a removed goal) */
	goal: number | null;
	language: Lang;
	change: 'changed' | 'added' | 'removed';
	parts: DiffPart[];
}

/**
 * What changed between two versions, per field and language: the statement, then each goal
 * matched by its key (so a reworded goal is a change, not a removal and an addition). Fields that
 * did not change are left out; an empty list means the versions say the same.
 */
export function diffVersions(before: VisionDraft, after: VisionDraft): FieldDiff[] {
	const changes: FieldDiff[] = [];
	const compare = (
		field: string,
		goal: number | null,
		old: Record<Lang, string> | undefined,
		now: Record<Lang, string> | undefined
	) => {
		for (const language of languages) {
			const from = old?.[language] ?? '';
			const to = now?.[language] ?? '';
			if (from === to) continue;
			changes.push({
				field,
				goal,
				language,
				change: !old ? 'added' : !now ? 'removed' : 'changed',
				parts: diffWords(from, to)
			});
		}
	};
	compare('statement', null, before.statement, after.statement);
	after.goals.forEach((goal, index) => {
		const old = before.goals.find((g) => g.key === goal.key);
		compare(goal.key, index + 1, old?.text, goal.text);
	});
	before.goals.forEach((goal, index) => {
		if (!after.goals.some((g) => g.key === goal.key))
			compare(goal.key, index + 1, goal.text, undefined);
	});
	return changes;
}

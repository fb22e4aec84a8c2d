import { z } from 'zod';
import { isBlank } from '../questionnaires';
import type { FormRecord } from './question-form';

/*
 * Moving an option up or down in the question editor, without JavaScript: the move buttons are
 * submit buttons of the editor's own form, posting `moveOption` = '<list>.<row>.<up|down>' with
 * every field, so what was typed and not yet saved moves along. The form's rows keep their
 * numbers (field names); the contents of two neighbouring rows change places. Blank rows
 * (offered for additions) are skipped. The order of options never changes what a stored answer
 * means (answers hold option keys), so moving is allowed once the questionnaire has answers.
 */

export const moveOptionForm = z.object({
	moveOption: z
		.string()
		.regex(/^(options|customOptions)\.\d{1,3}\.(up|down)$/, 'errors.invalid')
		.transform((text) => {
			const [list, row, direction] = text.split('.');
			return {
				list: list as 'options' | 'customOptions',
				row: Number(row),
				direction: direction as 'up' | 'down'
			};
		})
});
export type OptionMove = z.output<typeof moveOptionForm>['moveOption'];

const ROW_FIELDS = ['value', 'label.en', 'label.fr', 'remove'];

function rowNumbers(values: FormRecord, list: string): number[] {
	const pattern = new RegExp(`^${list}\\.(\\d+)\\.`);
	const rows = new Set<number>();
	for (const key of Object.keys(values)) {
		const match = pattern.exec(key);
		if (match) rows.add(Number(match[1]));
	}
	return [...rows].sort((a, b) => a - b);
}

function isBlankRow(values: FormRecord, list: string, row: number): boolean {
	const field = (name: string) => values[`${list}.${row}.${name}`] ?? '';
	return field('value').trim() === '' && isBlank({ en: field('label.en'), fr: field('label.fr') });
}

/**
 * The form's values with the option in `move.row` and its neighbour in that direction swapped,
 * and the 1-based position it now has among the filled rows; null when it cannot move (first
 * or last, blank, or no such row).
 */
export function moveOptionRow(
	values: FormRecord,
	move: OptionMove
): { values: FormRecord; position: number } | null {
	const { list, row, direction } = move;
	const filled = rowNumbers(values, list).filter((n) => !isBlankRow(values, list, n));
	const at = filled.indexOf(row);
	const to = direction === 'up' ? at - 1 : at + 1;
	if (at < 0 || to < 0 || to >= filled.length) return null;
	const other = filled[to];
	const moved: FormRecord = { ...values };
	for (const name of ROW_FIELDS) {
		const mine = `${list}.${row}.${name}`;
		const theirs = `${list}.${other}.${name}`;
		delete moved[mine];
		delete moved[theirs];
		if (values[theirs] !== undefined) moved[mine] = values[theirs];
		if (values[mine] !== undefined) moved[theirs] = values[mine];
	}
	return { values: moved, position: to + 1 };
}

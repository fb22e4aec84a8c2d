import type { Lang } from '../../i18n/languages';
import type { Bilingual } from '../questionnaires/bilingual';
import { fold, type ImportProblem } from '../responses/paper-import';
import { NOTE_MAX_LENGTH, type NoteInput, type NoteKind } from './notes';

/*
 * Notes typed elsewhere (a spreadsheet during an interview, a transcript afterwards), one note a
 * row. Columns are named in either language; only the text is required:
 *   text | texte, kind | type (quote/citation, summary/résumé), language | langue,
 *   prompt | question (the prompt's number in the guide, or its wording), translation | traduction
 */

type Column = 'text' | 'kind' | 'language' | 'prompt' | 'translation';

const headings: Record<Column, string[]> = {
	text: ['text', 'texte', 'note'],
	kind: ['kind', 'type', 'sorte'],
	language: ['language', 'langue'],
	prompt: ['prompt', 'question', 'guide prompt', 'question du guide'],
	translation: ['translation', 'traduction']
};
const columnOf = new Map(
	Object.entries(headings).flatMap(([column, names]) => names.map((name) => [name, column]))
) as Map<string, Column>;

const kinds = new Map<string, NoteKind>([
	['quote', 'quote'],
	['citation', 'quote'],
	['q', 'quote'],
	['c', 'quote'],
	['summary', 'summary'],
	['resume', 'summary'],
	['point', 'summary'],
	['s', 'summary'],
	['r', 'summary']
]);
const languageNames = new Map<string, Lang>([
	['en', 'en'],
	['english', 'en'],
	['anglais', 'en'],
	['fr', 'fr'],
	['french', 'fr'],
	['francais', 'fr']
]);

export type NoteRow = NoteInput & { row: number };

export type NotesReading = {
	notes: NoteRow[];
	/** every problem, by row (the header being row 1) and column, in file order */
	problems: ImportProblem[];
	/** rows that are not blank */
	rows: number;
};

/**
 * Reads a sheet of notes (header row first) for a session held in `sessionLanguage` with the
 * guide's prompts in order. A blank kind is a summary point and a blank language the session's.
 */
export function readNotesSheet(
	sheet: string[][],
	prompts: readonly { id: string; prompt: Bilingual }[],
	sessionLanguage: Lang
): NotesReading {
	const [header = [], ...body] = sheet;
	const problems: ImportProblem[] = [];
	const columns = header.map((heading) => columnOf.get(fold(heading)));
	header.forEach((heading, i) => {
		if (heading.trim() === '') return;
		const column = columns[i];
		if (!column)
			problems.push({
				row: 1,
				column: heading,
				value: heading,
				error: 'sessions.csv.unknown_column'
			});
		else if (columns.indexOf(column) !== i)
			problems.push({
				row: 1,
				column: heading,
				value: heading,
				error: 'sessions.csv.repeated_column'
			});
	});
	if (!columns.includes('text'))
		problems.push({ row: 1, column: '', value: '', error: 'sessions.csv.no_text_column' });
	if (problems.length > 0) return { notes: [], problems, rows: 0 };

	const promptByName = new Map<string, string>();
	prompts.forEach(({ id, prompt }, index) => {
		promptByName.set(String(index + 1), id);
		promptByName.set(fold(prompt.en), id);
		promptByName.set(fold(prompt.fr), id);
	});

	const notes: NoteRow[] = [];
	let rows = 0;
	body.forEach((cells, index) => {
		const row = index + 2;
		if (cells.every((cell) => cell.trim() === '')) return;
		rows += 1;
		const cell = (column: Column) => {
			const i = columns.indexOf(column);
			return { heading: i < 0 ? column : header[i], value: i < 0 ? '' : (cells[i] ?? '').trim() };
		};
		const rowProblems: ImportProblem[] = [];
		const problem = (column: Column, error: string) => {
			const { heading, value } = cell(column);
			rowProblems.push({ row, column: heading, value, error });
		};

		const text = cell('text').value;
		if (text === '') problem('text', 'sessions.errors.note_required');
		else if (text.length > NOTE_MAX_LENGTH) problem('text', 'errors.too_long');
		const translation = cell('translation').value;
		if (translation.length > NOTE_MAX_LENGTH) problem('translation', 'errors.too_long');

		const kindText = fold(cell('kind').value);
		const kind = kindText === '' ? 'summary' : kinds.get(kindText);
		if (!kind) problem('kind', 'sessions.csv.unknown_kind');

		const languageText = fold(cell('language').value);
		const language = languageText === '' ? sessionLanguage : languageNames.get(languageText);
		if (!language) problem('language', 'sessions.csv.unknown_language');

		const promptText = fold(cell('prompt').value);
		const promptId = promptText === '' ? null : promptByName.get(promptText);
		if (promptId === undefined) problem('prompt', 'sessions.csv.unknown_prompt');

		if (rowProblems.length > 0 || !kind || !language || promptId === undefined) {
			problems.push(...rowProblems);
			return;
		}
		notes.push({ row, kind, language, text, translation, promptId });
	});
	if (rows === 0) problems.push({ row: 2, column: '', value: '', error: 'sessions.csv.no_rows' });
	return { notes, problems, rows };
}

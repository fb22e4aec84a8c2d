import {
	allQuestions,
	choicesOf,
	CONSENT_VALUE,
	validateResponse,
	type Answers,
	type Demographics,
	type Question,
	type QuestionnaireDefinition
} from '../questionnaires';

/*
 * Paper responses typed into a spreadsheet, one row per response. Columns are named by question
 * code (Q1, Q2 … in reading order, as on the printed form) or by the question's wording in
 * either language. Cells hold an option's label in either language or its value; several choices
 * and rankings are separated by ";"; yes/no in either language.
 */

export type ImportProblem = {
	/** line in the file, the header being line 1 */
	row: number;
	/** the question code, e.g. Q3, or the column's heading for a column we do not know */
	column: string;
	value: string;
	/** locale key */
	error: string;
};

export type PaperResponse = { row: number; answers: Answers; demographics: Demographics };

export type PaperReading = {
	valid: PaperResponse[];
	/** every problem, by row and column, in file order */
	problems: ImportProblem[];
	/** rows with at least one problem */
	invalidRows: number;
	/** problems that stop the whole file (unknown columns, no header); no row can be imported */
	fileProblems: ImportProblem[];
};

/** Text compared loosely: accents, case and spacing ignored. */
export const fold = (text: string) =>
	text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

export function questionCode(index: number): string {
	return `Q${index + 1}`;
}

/** Which question each column holds; headings match a code or either language's wording. */
function matchColumns(header: string[], questions: Question[]) {
	const byName = new Map<string, number>();
	questions.forEach((question, index) => {
		byName.set(fold(questionCode(index)), index);
		byName.set(fold(question.prompt.en), index);
		byName.set(fold(question.prompt.fr), index);
	});
	const columns = header.map((heading) => byName.get(fold(heading)));
	const problems: ImportProblem[] = header.flatMap((heading, i) =>
		columns[i] === undefined && heading.trim() !== ''
			? [{ row: 1, column: heading, value: heading, error: 'paper.errors.unknown_column' }]
			: []
	);
	const seen = new Set<number>();
	header.forEach((heading, i) => {
		const index = columns[i];
		if (index === undefined) return;
		if (seen.has(index))
			problems.push({
				row: 1,
				column: heading,
				value: heading,
				error: 'paper.errors.repeated_column'
			});
		seen.add(index);
	});
	return { columns, problems };
}

const YES = new Set(['yes', 'y', 'oui', 'o', '1', 'true', 'vrai', 'x']);
const NO = new Set(['no', 'n', 'non', '0', 'false', 'faux']);

/** A cell as the answer a form would have posted, for validateAnswer to judge. */
function rawFromCell(question: Question, cell: string): unknown {
	const text = cell.trim();
	if (text === '') return undefined;
	const choices = choicesOf(question);
	const toValue = (part: string) => {
		const folded = fold(part);
		const option = choices.find(
			(o) => fold(o.value) === folded || fold(o.label.en) === folded || fold(o.label.fr) === folded
		);
		return option?.value;
	};
	const parts = () =>
		text
			.split(';')
			.map((p) => p.trim())
			.filter(Boolean);
	switch (question.type) {
		case 'single_choice':
		case 'demographic': {
			const value = toValue(text);
			if (value) return value;
			return question.type === 'single_choice' && question.allowOther ? { other: text } : text;
		}
		case 'multiple_choice': {
			const values = parts().map((part) => toValue(part) ?? part);
			const unknown = values.filter((v) => !choices.some((o) => o.value === v));
			if (question.allowOther && unknown.length === 1)
				return { selected: values.filter((v) => v !== unknown[0]), other: unknown[0] };
			return values;
		}
		case 'ranking':
			return parts().map((part) => toValue(part) ?? part);
		case 'yes_no':
			if (YES.has(fold(text))) return 'yes';
			if (NO.has(fold(text))) return 'no';
			return text;
		case 'consent':
			return YES.has(fold(text)) ? CONSENT_VALUE : text;
		default:
			return text;
	}
}

/**
 * Reads a whole sheet (header row first). Each row is checked exactly as an online response is
 * (conditions, required questions, ranges); a row with any problem is not valid, and every
 * problem is listed with its row and column.
 */
export function readPaperResponses(
	definition: QuestionnaireDefinition,
	sheet: string[][]
): PaperReading {
	const questions = allQuestions(definition);
	const [header = [], ...rows] = sheet;
	const { columns, problems: fileProblems } = matchColumns(header, questions);
	if (header.length === 0 || columns.every((c) => c === undefined))
		fileProblems.push({ row: 1, column: '', value: '', error: 'paper.errors.no_header' });
	const reading: PaperReading = { valid: [], problems: [], invalidRows: 0, fileProblems };
	if (fileProblems.length > 0) return reading;

	rows.forEach((cells, index) => {
		const row = index + 2;
		if (cells.every((cell) => cell.trim() === '')) return;
		const raw: Record<string, unknown> = {};
		const cellOf = new Map<string, { column: string; value: string }>();
		columns.forEach((questionIndex, i) => {
			if (questionIndex === undefined) return;
			const question = questions[questionIndex];
			const value = cells[i] ?? '';
			raw[question.id] = rawFromCell(question, value);
			cellOf.set(question.id, { column: questionCode(questionIndex), value });
		});
		const checked = validateResponse(definition, raw);
		if (checked.ok) {
			reading.valid.push({ row, answers: checked.answers, demographics: checked.demographics });
			return;
		}
		reading.invalidRows += 1;
		for (const [questionId, error] of Object.entries(checked.errors)) {
			const index = questions.findIndex((q) => q.id === questionId);
			const cell = cellOf.get(questionId) ?? { column: questionCode(index), value: '' };
			reading.problems.push({ row, ...cell, error });
		}
	});
	return reading;
}

/** The header of a blank sheet for typing in paper responses: one code per question. */
export function paperTemplateHeader(definition: QuestionnaireDefinition): string[] {
	return allQuestions(definition).map((_, index) => questionCode(index));
}

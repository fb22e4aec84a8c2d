import Papa from 'papaparse';
import { chosenValues, otherTextOf, type AnswerByType, type Question } from '../questionnaires';
import type { ResponseChannel } from './filters';
import { answerLabel, localeText } from './labels';

type Lang = 'en' | 'fr';

/** One response as the export reads it; contact details are never part of it. */
export interface ExportResponse {
	submittedAt: Date | string;
	channel: ResponseChannel;
	language: Lang;
	/** stored answers by question id */
	answers: Record<string, unknown>;
	/** stored demographic answers by dimension */
	demographics: Record<string, string>;
}

export interface ExportOptions {
	lang: Lang;
	/** add a column per demographic question; left out unless asked for */
	demographics: boolean;
}

export type Cell = string | number;

const text = (key: string, lang: Lang) => localeText(key)[lang];

/** YYYY-MM-DD, the date a spreadsheet reads in either language. */
function day(date: Date | string): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).formatToParts(new Date(date));
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}

/** One stored answer as a spreadsheet cell, in words where the question offers words. */
export function answerCell(question: Question, stored: unknown, lang: Lang): Cell {
	if (stored === undefined || stored === null) return '';
	const label = (value: string) => answerLabel(question, value)[lang];
	const other = (written: string) =>
		text('results.csv.other_answer', lang).replace('{{text}}', written);
	switch (question.type) {
		case 'single_choice':
		case 'multiple_choice': {
			const answer = stored as AnswerByType['single_choice' | 'multiple_choice'];
			const written = otherTextOf(answer);
			return [
				...chosenValues(answer).map(label),
				...(written === undefined ? [] : [other(written)])
			].join('; ');
		}
		case 'ranking':
			return (stored as string[]).map((value, index) => `${index + 1}. ${label(value)}`).join('; ');
		case 'agreement_scale':
		case 'yes_no':
		case 'demographic':
			return label(String(stored));
		case 'rating':
		case 'number':
			return Number(stored);
		case 'consent':
			return text('questionnaire.yes', lang);
		case 'short_text':
		case 'long_text':
			return String(stored);
	}
}

/**
 * The export as rows of cells, header first: a row number, the date, channel and language, then
 * one column per question headed by its prompt. Demographic questions are columns only when
 * asked for.
 */
export function exportRows(
	questions: readonly Question[],
	responses: readonly ExportResponse[],
	{ lang, demographics }: ExportOptions
): Cell[][] {
	const columns = questions.filter((q) => demographics || q.type !== 'demographic');
	const header = [
		text('results.csv.number', lang),
		text('results.csv.submitted', lang),
		text('results.csv.channel', lang),
		text('results.csv.language', lang),
		...columns.map((question) => question.prompt[lang])
	];
	const rows = responses.map((response, index) => [
		index + 1,
		day(response.submittedAt),
		text(`results.channels.${response.channel}`, lang),
		text(`languages.${response.language}`, lang),
		...columns.map((question) =>
			answerCell(
				question,
				question.type === 'demographic'
					? response.demographics[question.dimension]
					: response.answers[question.id],
				lang
			)
		)
	]);
	return [header, ...rows];
}

/** A byte-order mark first, so spreadsheet programs read the accents as UTF-8. */
export const BOM = '\uFEFF';

/**
 * CSV text for the rows. A text cell starting with = + - @ is prefixed with ' so that a
 * spreadsheet shows it rather than running it as a formula; numbers are left as they are.
 */
export function toCsv(rows: Cell[][]): string {
	return BOM + Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' });
}

import { createHash } from 'node:crypto';
import type { QuestionnaireDefinition } from '$lib/domain/questionnaires';
import { readPaperResponses, type PaperReading } from '$lib/domain/responses/paper-import';
import type { Lang } from '$lib/i18n/languages';
import type { Tx } from '../db/types';

/** A stable UUID for a row of a file: the same file imported twice gives the same ids. */
export function rowResponseId(questionnaireId: string, fileText: string, row: number): string {
	const hex = createHash('sha256').update(`${questionnaireId}\n${row}\n${fileText}`).digest('hex');
	// shaped as a version-4-style UUID so every tool accepts it
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type PaperImportMode = 'dry_run' | 'all' | 'valid_only';

/**
 * Checks, and on request imports, a sheet of paper responses (channel 'paper').
 * Outcomes: { imported: 0, reading } for a dry run, or when 'all' was asked and any row has a
 * problem (nothing is stored then); { imported, duplicates, reading } after importing every
 * valid row. All rows go in one transaction: a failure stores none of them.
 */
export async function importPaperResponses(
	tx: Tx,
	input: {
		questionnaireId: string;
		definition: QuestionnaireDefinition;
		sheet: string[][];
		fileText: string;
		language: Lang;
		mode: PaperImportMode;
	}
): Promise<{ reading: PaperReading; imported: number; duplicates: number }> {
	const reading = readPaperResponses(input.definition, input.sheet);
	const blocked =
		reading.fileProblems.length > 0 || (input.mode === 'all' && reading.invalidRows > 0);
	if (input.mode === 'dry_run' || blocked) return { reading, imported: 0, duplicates: 0 };
	let imported = 0;
	let duplicates = 0;
	for (const response of reading.valid) {
		const [row] = await tx.query<{ outcome: string }>(
			`select public.import_response($1, $2, 'paper', $3::public.content_language, $4::jsonb, $5::jsonb) as outcome`,
			[
				rowResponseId(input.questionnaireId, input.fileText, response.row),
				input.questionnaireId,
				input.language,
				JSON.stringify(response.answers),
				JSON.stringify(response.demographics)
			]
		);
		if (row.outcome === 'created') imported += 1;
		else duplicates += 1;
	}
	return { reading, imported, duplicates };
}

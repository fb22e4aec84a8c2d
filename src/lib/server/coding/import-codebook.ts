import { readCodebookCsv, type CodebookProblem } from '$lib/domain/coding/codebook';
import type { Tx } from '../db/types';
import { listThemes } from './list-themes';
import { saveTheme } from './save-theme';

export type CodebookImport =
	| { ok: true; dryRun: boolean; added: number; updated: number }
	| { ok: false; problems: CodebookProblem[] };

/**
 * Imports a codebook CSV: themes with a new code are added, those whose code exists are updated;
 * themes missing from the file stay as they are. All or nothing: one problem in the file (or a
 * refusal from the database) and nothing is stored. A dry run checks everything and stores
 * nothing, reporting what an import would do.
 */
export async function importCodebook(
	tx: Tx,
	input: { communityId: string; csv: string; dryRun: boolean }
): Promise<CodebookImport> {
	const existing = await listThemes(tx, input.communityId);
	const reading = readCodebookCsv(
		input.csv,
		existing.map((t) => ({
			code: t.code,
			parentCode: t.parentCode,
			hasChildren: existing.some((child) => child.parentId === t.id)
		}))
	);
	if (!reading.ok) return reading;
	const ids = new Map(existing.map((t) => [t.code, t.id]));
	const added = reading.themes.filter((t) => !ids.has(t.code)).length;
	const updated = reading.themes.length - added;
	if (input.dryRun) return { ok: true, dryRun: true, added, updated };

	class Refused extends Error {
		constructor(readonly problem: CodebookProblem) {
			super(problem.error);
		}
	}
	try {
		await tx.savepoint(async (sp) => {
			for (const [i, theme] of reading.themes.entries()) {
				const result = await saveTheme(sp, {
					...theme,
					communityId: input.communityId,
					id: ids.get(theme.code)
				});
				if (!result.ok)
					throw new Refused({ row: 0, column: theme.code || String(i), error: result.error });
			}
		});
	} catch (error) {
		if (error instanceof Refused) return { ok: false, problems: [error.problem] };
		throw error;
	}
	return { ok: true, dryRun: false, added, updated };
}

import Papa from 'papaparse';
import { z } from 'zod';

/*
 * The codebook's themes as forms and CSV files handle them. A theme's `code` is its stable short
 * name (lower case, digits and hyphens): the CSV names parents by code and an import updates the
 * theme with the same code. Sub-themes go one level deep.
 */

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NAME_MAX = 120;
const TEXT_MAX = 2000;
const KEYWORDS_MAX = 50;

const code = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'codebook.errors.code_required')
	.max(60, 'errors.too_long')
	.regex(CODE, 'codebook.errors.code_format');
const name = z
	.string()
	.trim()
	.min(1, 'codebook.errors.name_required')
	.max(NAME_MAX, 'errors.too_long');
const text = z.string().trim().max(TEXT_MAX, 'errors.too_long');

/** Keywords are typed as one line: "rent; housing, landlord" (";" or "," between them). */
export function splitKeywords(line: string): string[] {
	return [
		...new Set(
			line
				.split(/[;,\n]/)
				.map((k) => k.trim().replace(/\s+/g, ' '))
				.filter(Boolean)
		)
	];
}

const keywords = z
	.string()
	.default('')
	.transform(splitKeywords)
	.pipe(
		z
			.array(z.string().max(60, 'codebook.errors.keyword_too_long'))
			.max(KEYWORDS_MAX, 'codebook.errors.too_many_keywords')
	);

export const themeForm = z.object({
	code,
	parent: z.string().trim().toLowerCase().default(''),
	name: z.object({ en: name, fr: name }),
	description: z.object({ en: text.default(''), fr: text.default('') }),
	examples: z.object({ en: text.default(''), fr: text.default('') }),
	keywords: z.object({ en: keywords, fr: keywords })
});
export type ThemeInput = z.infer<typeof themeForm>;

/** The posted form fields (name.en, keywords.fr …) as themeForm reads them. */
export function themeFormInput(values: Record<string, string>) {
	const pair = (prefix: string) => ({
		en: values[`${prefix}.en`] ?? '',
		fr: values[`${prefix}.fr`] ?? ''
	});
	return {
		code: values.code ?? '',
		parent: values.parent ?? '',
		name: pair('name'),
		description: pair('description'),
		examples: pair('examples'),
		keywords: pair('keywords')
	};
}

/** The CSV columns, in export order; import needs code, name_en and name_fr. */
export const CODEBOOK_COLUMNS = [
	'code',
	'parent',
	'name_en',
	'name_fr',
	'description_en',
	'description_fr',
	'examples_en',
	'examples_fr',
	'keywords_en',
	'keywords_fr'
] as const;
type Column = (typeof CODEBOOK_COLUMNS)[number];
const REQUIRED_COLUMNS: Column[] = ['code', 'name_en', 'name_fr'];

/** Where each form field comes from in a CSV row, to name the column of an error. */
const columnOfPath: Record<string, Column> = {
	code: 'code',
	parent: 'parent',
	'name.en': 'name_en',
	'name.fr': 'name_fr',
	'description.en': 'description_en',
	'description.fr': 'description_fr',
	'examples.en': 'examples_en',
	'examples.fr': 'examples_fr',
	'keywords.en': 'keywords_en',
	'keywords.fr': 'keywords_fr'
};

export type CodebookProblem = {
	/** line in the file, the header being line 1; 0 for the file as a whole */
	row: number;
	column: string;
	/** locale key */
	error: string;
};

export type CodebookReading =
	{ ok: true; themes: ThemeInput[] } | { ok: false; problems: CodebookProblem[] };

export interface ExistingTheme {
	code: string;
	parentCode: string | null;
	/** whether other themes are filed under it */
	hasChildren: boolean;
}

/**
 * Reads a codebook CSV against the current codebook. All or nothing: any problem (a column we do
 * not know, a missing name, a parent that is not a top-level theme, a code given twice) refuses
 * the whole file. Themes come back parents first, ready to save in order.
 */
export function readCodebookCsv(csv: string, existing: readonly ExistingTheme[]): CodebookReading {
	const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
	const [header = [], ...rows] = parsed.data;
	const columns = header.map((h) => h.trim().toLowerCase());
	const problems: CodebookProblem[] = [];
	columns.forEach((c, i) => {
		if (!(CODEBOOK_COLUMNS as readonly string[]).includes(c))
			problems.push({ row: 1, column: header[i], error: 'codebook.errors.unknown_column' });
		else if (columns.indexOf(c) !== i)
			problems.push({ row: 1, column: header[i], error: 'codebook.errors.repeated_column' });
	});
	for (const c of REQUIRED_COLUMNS)
		if (!columns.includes(c))
			problems.push({ row: 1, column: c, error: 'codebook.errors.missing_column' });
	if (problems.length > 0) return { ok: false, problems };
	if (rows.length === 0)
		return { ok: false, problems: [{ row: 0, column: '', error: 'codebook.errors.empty_file' }] };

	const themes: { row: number; theme: ThemeInput }[] = [];
	rows.forEach((cells, r) => {
		const row = r + 2;
		const values: Record<string, string> = {};
		for (const [path, column] of Object.entries(columnOfPath)) {
			const i = columns.indexOf(column);
			values[path] = i >= 0 ? (cells[i] ?? '') : '';
		}
		const result = themeForm.safeParse(themeFormInput(values));
		if (!result.success) {
			for (const issue of result.error.issues)
				problems.push({
					row,
					column: columnOfPath[issue.path.join('.')] ?? '',
					error: issue.message
				});
			return;
		}
		themes.push({ row, theme: result.data });
	});

	const inFile = new Map(themes.map(({ theme }) => [theme.code, theme]));
	const seen = new Set<string>();
	const existingByCode = new Map(existing.map((t) => [t.code, t]));
	const parentsInFile = new Set(themes.map(({ theme }) => theme.parent).filter(Boolean));
	for (const { row, theme } of themes) {
		if (seen.has(theme.code))
			problems.push({ row, column: 'code', error: 'codebook.errors.repeated_code' });
		seen.add(theme.code);
		if (!theme.parent) continue;
		// the parent as it will be once the file is saved
		const parent = inFile.get(theme.parent);
		const parentOfParent = parent ? parent.parent : existingByCode.get(theme.parent)?.parentCode;
		const hasChildren =
			parentsInFile.has(theme.code) || (existingByCode.get(theme.code)?.hasChildren ?? false);
		if (theme.parent === theme.code)
			problems.push({ row, column: 'parent', error: 'codebook.errors.own_parent' });
		else if (!parent && !existingByCode.has(theme.parent))
			problems.push({ row, column: 'parent', error: 'codebook.errors.unknown_parent' });
		else if (parentOfParent || hasChildren)
			problems.push({ row, column: 'parent', error: 'codebook.errors.too_deep' });
	}
	if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };
	return {
		ok: true,
		themes: [
			...themes.filter(({ theme }) => !theme.parent),
			...themes.filter(({ theme }) => theme.parent)
		].map(({ theme }) => theme)
	};
}

export interface CodebookTheme {
	code: string;
	parentCode: string | null;
	name: { en: string; fr: string };
	description: { en: string; fr: string };
	examples: { en: string; fr: string };
	keywords: { en: string[]; fr: string[] };
}

/** The codebook as CSV rows (header first), parents before their sub-themes; import reads it back. */
export function codebookRows(themes: readonly CodebookTheme[]): string[][] {
	return [
		[...CODEBOOK_COLUMNS],
		...themes.map((t) => [
			t.code,
			t.parentCode ?? '',
			t.name.en,
			t.name.fr,
			t.description.en,
			t.description.fr,
			t.examples.en,
			t.examples.fr,
			t.keywords.en.join('; '),
			t.keywords.fr.join('; ')
		])
	];
}

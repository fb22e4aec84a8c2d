/*
 * Statistics Canada 2021 Census Profile, "comprehensive download" CSV (98-401-X2021xxx).
 *
 * What the real files look like (checked against verbatim rows): one header line, then one row
 * per (geography, characteristic), 2,631 characteristics per geography in the same order, many
 * geographies per file. Columns are addressed by position because the header repeats SYMBOL six
 * times and the French file names them differently. A value cell is empty when a symbol applies,
 * and the symbol sits in the next column: "x" (confidential), ".." (not available), "F" (too
 * unreliable), "..." (not applicable). Those are unknown, never zero. Characteristic names carry
 * their place in the hierarchy as two leading spaces per level and are not unique, so rows are
 * keyed by CHARACTERISTIC_ID.
 *
 * This module only keeps the rows of the characteristics the platform maps (see
 * census-mapping.ts): a province-sized file is hundreds of MB, the rows we need are a few KB.
 */
import { censusCharacteristics, sameCharacteristicName } from './census-characteristics';

export const CENSUS_COLUMNS = {
	year: 0,
	dguid: 1,
	code: 2,
	level: 3,
	name: 4,
	tnrSf: 5,
	tnrLf: 6,
	qualityFlag: 7,
	characteristicId: 8,
	characteristicName: 9,
	total: 11,
	totalSymbol: 12,
	men: 13,
	menSymbol: 14,
	women: 15,
	womenSymbol: 16
} as const;

/** Positions 0..16 must exist: everything up to the women+ count's symbol. */
const MIN_COLUMNS = CENSUS_COLUMNS.womenSymbol + 1;

/** Population, 2021 (unrounded): shown beside each geography so the organizer can tell them apart. */
export const POPULATION_ID = 1;

/** [total, men+, women+]; null = unknown (suppressed, not available or not applicable). */
export type CensusValue = [number | null, number | null, number | null];

export type CensusGeography = {
	/** ALT_GEO_CODE as written, leading zeros kept ("01" is Canada) */
	code: string;
	dguid: string;
	name: string;
	level: string;
	/** total non-response rates (%), short and long form: high TNR_LF makes 25% sample data shaky */
	tnrSf: number | null;
	tnrLf: number | null;
	/** five positional digits, kept as written ("00000") */
	qualityFlag: string;
	population: number | null;
};

/** The rows of a Census Profile the platform uses, for every geography in the file. */
export type CensusExtract = {
	year: number | null;
	/** the language of the file's header and characteristic names */
	language: 'en' | 'fr';
	geographies: CensusGeography[];
	/** geography code → characteristic id → value */
	values: Record<string, Record<string, CensusValue>>;
};

/** A problem with the file, as a locale key and its values; row 1 is the header. */
export type CensusProblem = {
	row: number;
	key: string;
	params?: Record<string, string | number>;
};

/** Symbols StatCan writes instead of a number; "E" (use with caution) keeps its number. */
const UNKNOWN_SYMBOLS = new Set(['x', 'X', 'F', '..', '...']);

/**
 * A count cell and its symbol cell → a number, null when unknown, or undefined when the cell
 * holds something that is not a number at all (a broken file, reported by the caller).
 */
export function censusNumber(cell: string | undefined, symbol = ''): number | null | undefined {
	const value = (cell ?? '').trim().replace(/,/g, '');
	if (UNKNOWN_SYMBOLS.has(symbol.trim())) return null;
	if (value === '' || UNKNOWN_SYMBOLS.has(value) || value === 'E') return null;
	if (!/^-?\d+(\.\d+)?$/.test(value)) return undefined;
	return Number(value);
}

/** Leading spaces / 2: the characteristic's depth in the profile's hierarchy. */
export function characteristicDepth(name: string): number {
	return Math.floor((name.length - name.trimStart().length) / 2);
}

/** Which language a header is in, or null when it is not a 2021 Census Profile header. */
export function recogniseCensusHeader(header: readonly string[]): 'en' | 'fr' | null {
	if (header.length < MIN_COLUMNS) return null;
	const id = header[CENSUS_COLUMNS.characteristicId].trim().toUpperCase();
	const total = header[CENSUS_COLUMNS.total].trim().toUpperCase();
	const year = header[CENSUS_COLUMNS.year].trim().toUpperCase();
	if (!total.startsWith('C1_')) return null;
	if (id === 'CHARACTERISTIC_ID' && year === 'CENSUS_YEAR') return 'en';
	// French headers carry É; a file read in the wrong encoding still starts the same way
	if (id.startsWith('ID_CARACT')) return 'fr';
	return null;
}

/** Whether a row of this characteristic is read at all. */
export function isReadCharacteristic(id: number): boolean {
	return id === POPULATION_ID || censusCharacteristics.has(id);
}

/**
 * The CHARACTERISTIC_ID of a data line, found without parsing the whole line, or null when
 * the line does not look as expected (the caller then parses it fully and reports what is
 * wrong). 98% of a profile's rows are characteristics we do not map: skipping them before the
 * CSV parser is what makes a file of hundreds of MB quick to read.
 */
export function characteristicIdOf(line: string): number | null {
	let p = 0;
	for (let field = 0; field < CENSUS_COLUMNS.characteristicId; field++) {
		if (line.charCodeAt(p) === 34 /* " */) {
			let q = p + 1;
			for (;;) {
				q = line.indexOf('"', q);
				if (q < 0) return null;
				if (line.charCodeAt(q + 1) !== 34) break;
				q += 2; // a doubled quote inside the field
			}
			p = q + 1;
			if (line.charCodeAt(p) !== 44 /* , */) return null;
			p += 1;
		} else {
			const comma = line.indexOf(',', p);
			if (comma < 0) return null;
			p = comma + 1;
		}
	}
	const comma = line.indexOf(',', p);
	const raw = line.slice(p, comma < 0 ? undefined : comma);
	return /^\d{1,6}$/.test(raw) ? Number(raw) : null;
}

const MAX_PROBLEMS = 20;

/**
 * Reads a Census Profile row by row (header first), keeping the mapped characteristics.
 * Feed it every row in file order, then call finish(). Stops collecting after 20 problems, so
 * a wrong file does not fill the page.
 */
export function censusProfileReader() {
	let language: 'en' | 'fr' | null = null;
	let columns = 0;
	let year: number | null = null;
	const geographies = new Map<string, CensusGeography>();
	const values: CensusExtract['values'] = {};
	const problems: CensusProblem[] = [];
	let dataRows = 0;
	let lastCode = '';

	const problem = (row: number, key: string, params?: CensusProblem['params']) => {
		if (problems.length < MAX_PROBLEMS) problems.push({ row, key, params });
	};

	function header(fields: readonly string[]) {
		language = recogniseCensusHeader(fields);
		if (!language) {
			const is2016 = fields.some((field) => /^DIM: Profile of/i.test(field.trim()));
			problem(1, is2016 ? 'baselines.errors.format_2016' : 'baselines.errors.not_census_header', {
				found: fields.slice(0, 4).join(', ').slice(0, 120)
			});
			return false;
		}
		columns = fields.length;
		return true;
	}

	function row(fields: readonly string[], rowNumber: number) {
		if (!language || problems.length >= MAX_PROBLEMS) return;
		if (fields.length === 1 && fields[0].trim() === '') return;
		dataRows += 1;
		if (fields.length !== columns) {
			problem(rowNumber, 'baselines.errors.column_count', {
				expected: columns,
				found: fields.length
			});
			return;
		}
		const rawId = fields[CENSUS_COLUMNS.characteristicId].trim();
		if (!/^\d+$/.test(rawId)) {
			problem(rowNumber, 'baselines.errors.characteristic_id', { found: rawId.slice(0, 40) });
			return;
		}
		const id = Number(rawId);
		const known = censusCharacteristics.get(id);
		if (!isReadCharacteristic(id)) return;

		const code = fields[CENSUS_COLUMNS.code].trim();
		if (code === '') {
			problem(rowNumber, 'baselines.errors.geography_code');
			return;
		}
		if (code !== lastCode && !geographies.has(code)) {
			const rowYear = Number(fields[CENSUS_COLUMNS.year]);
			if (!Number.isInteger(rowYear) || rowYear < 1800 || rowYear > 2200) {
				problem(rowNumber, 'baselines.errors.year', { found: fields[CENSUS_COLUMNS.year] });
				return;
			}
			if (year !== null && rowYear !== year) {
				problem(rowNumber, 'baselines.errors.mixed_years', { expected: year, found: rowYear });
				return;
			}
			year = rowYear;
			geographies.set(code, {
				code,
				dguid: fields[CENSUS_COLUMNS.dguid].trim(),
				name: fields[CENSUS_COLUMNS.name].trim(),
				level: fields[CENSUS_COLUMNS.level].trim(),
				tnrSf: censusNumber(fields[CENSUS_COLUMNS.tnrSf]) ?? null,
				tnrLf: censusNumber(fields[CENSUS_COLUMNS.tnrLf]) ?? null,
				qualityFlag: fields[CENSUS_COLUMNS.qualityFlag].trim(),
				population: null
			});
			values[code] = {};
		}
		lastCode = code;

		const name = fields[CENSUS_COLUMNS.characteristicName];
		// The IDs are checked against the characteristic's name (English files) or its depth
		// (French names are not in our list): a product with shifted numbering would otherwise
		// be imported silently under the wrong groups.
		if (known) {
			const mismatch =
				characteristicDepth(name) !== known.depth ||
				(language === 'en' && !sameCharacteristicName(name, known.name));
			if (mismatch) {
				problem(rowNumber, 'baselines.errors.unexpected_characteristic', {
					id,
					expected: known.name,
					found: name.trim().slice(0, 120)
				});
				return;
			}
		}
		const value: (number | null)[] = [];
		for (const [cell, symbol, column] of [
			[CENSUS_COLUMNS.total, CENSUS_COLUMNS.totalSymbol, 'C1'],
			[CENSUS_COLUMNS.men, CENSUS_COLUMNS.menSymbol, 'C2'],
			[CENSUS_COLUMNS.women, CENSUS_COLUMNS.womenSymbol, 'C3']
		] as const) {
			const number = censusNumber(fields[cell], fields[symbol]);
			if (number === undefined || (number !== null && number < 0 && id !== POPULATION_ID)) {
				problem(rowNumber, 'baselines.errors.not_a_number', {
					column,
					found: fields[cell].slice(0, 40)
				});
				return;
			}
			value.push(number);
		}
		if (id === POPULATION_ID) geographies.get(code)!.population = value[0];
		else values[code][String(id)] = value as CensusValue;
	}

	function finish(): { extract: CensusExtract | null; problems: CensusProblem[] } {
		if (language === null && problems.length === 0) problem(1, 'baselines.errors.empty_file');
		else if (language && dataRows === 0) problem(2, 'baselines.errors.no_rows');
		else if (
			language &&
			problems.length === 0 &&
			!Object.values(values).some((rows) => Object.keys(rows).length > 0)
		)
			problem(2, 'baselines.errors.nothing_mapped');
		if (problems.length > 0 || !language) return { extract: null, problems };
		return {
			extract: { year, language, geographies: [...geographies.values()], values },
			problems
		};
	}

	return {
		header,
		row,
		finish,
		problem,
		/** true once reading further would not change the outcome: a wrong header, or 20 problems */
		get stopped() {
			return problems.length >= MAX_PROBLEMS || (problems.length > 0 && language === null);
		}
	};
}

/** The extract cut down to some geographies (in the file's order); unknown codes are ignored. */
export function pickGeographies(extract: CensusExtract, codes: readonly string[]): CensusExtract {
	const wanted = new Set(codes);
	const geographies = extract.geographies.filter((geo) => wanted.has(geo.code));
	return {
		...extract,
		geographies,
		values: Object.fromEntries(geographies.map((geo) => [geo.code, extract.values[geo.code]]))
	};
}

/**
 * "Statistics Canada, 2021 Census Profile, 98-401-X2021012": the product number comes from the
 * downloaded file's name when it kept it. The organizer can change the label before importing.
 */
export function defaultSourceLabel(
	lang: 'en' | 'fr',
	fileName: string,
	year: number | null
): string {
	const product = /98-401-X\d{7}/i.exec(fileName)?.[0].toUpperCase();
	const base =
		lang === 'fr'
			? `Statistique Canada, Profil du recensement${year ? ` de ${year}` : ''}`
			: `Statistics Canada, ${year ? `${year} ` : ''}Census Profile`;
	return product ? `${base}, ${product}` : base;
}

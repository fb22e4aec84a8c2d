/*
 * Area-level deprivation files: the Canadian Index of Multiple Deprivation (CIMD: four dimensions,
 * each with "<Dimension> Scores" and "<Dimension> Quintiles" columns) and the Pampalon / INSPQ
 * material and social index (SCOREMAT/FactorMAT, QuintMat …). One row per dissemination area,
 * keyed by its 8-digit code (DAUID, PRCDDA or ADIDU). Higher scores and quintile 5 mean more
 * deprived. Reading is all or nothing: any problem refuses the file, naming row and column.
 */
import Papa from 'papaparse';

export const DIMENSIONS = [
	'residential_instability',
	'economic_dependency',
	'ethnocultural_composition',
	'situational_vulnerability',
	'material',
	'social'
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const norm = (header: string) =>
	header
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

/** Normalized header → what it holds. */
const SCORE_COLUMNS: Record<string, Dimension> = {
	'residential instability scores': 'residential_instability',
	'economic dependency scores': 'economic_dependency',
	'ethno cultural composition scores': 'ethnocultural_composition',
	'situational vulnerability scores': 'situational_vulnerability',
	scoremat: 'material',
	factormat: 'material',
	scoresoc: 'social',
	factorsoc: 'social'
};
const QUINTILE_COLUMNS: Record<string, Dimension> = {
	'residential instability quintiles': 'residential_instability',
	'economic dependency quintiles': 'economic_dependency',
	'ethno cultural composition quintiles': 'ethnocultural_composition',
	'situational vulnerability quintiles': 'situational_vulnerability',
	quintmat: 'material',
	quintsoc: 'social'
};
const KEY_COLUMNS = new Set(['dauid', 'prcdda', 'adidu']);
const PROVINCE_COLUMNS = new Set(['province', 'pr']);
const REGION_COLUMNS = new Set(['cdname drnom', 'region', 'cr', 'rc']);
const POPULATION_COLUMNS = new Set(['dissemination area da population', 'population']);

/** Statistics Canada province and territory codes: the first two digits of a DAUID. */
export const PROVINCES: Record<string, string> = {
	'10': 'NL',
	'11': 'PE',
	'12': 'NS',
	'13': 'NB',
	'24': 'QC',
	'35': 'ON',
	'46': 'MB',
	'47': 'SK',
	'48': 'AB',
	'59': 'BC',
	'60': 'YT',
	'61': 'NT',
	'62': 'NU'
};

export type DeprivationArea = {
	dauid: string;
	province: string;
	region: string;
	population: number | null;
	scores: Partial<Record<Dimension, number>>;
	quintiles: Partial<Record<Dimension, number>>;
};

export type DeprivationProblem = {
	/** 1-based line in the file (the header is line 1); 0 for the file as a whole */
	line: number;
	column: string;
	/** locale key */
	error: string;
};

export type DeprivationReading =
	| {
			ok: true;
			areas: DeprivationArea[];
			dimensions: Dimension[];
			/** the file had scores only: quintiles were computed within the file */
			computedQuintiles: boolean;
	  }
	| { ok: false; problems: DeprivationProblem[] };

/** At most this many problems are reported: the first ones are enough to fix a file. */
const MAX_PROBLEMS = 20;

/** Decodes bytes as UTF-8 when they are valid UTF-8 (or carry its BOM), else as Windows-1252. */
export function decodeDeprivationFile(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/**
 * Quintiles 1..5 of scores within the given set, by rank (ties share the lower rank's quintile):
 * the fifth with the highest scores gets 5. This is how CIMD quintiles are built, but within the
 * file rather than within CIMD's region, so they rank areas against each other only.
 */
export function quintilesOf(scores: readonly number[]): number[] {
	// A typed array sorts numerically and natively: far faster than sorting objects on 55k areas.
	const sorted = Float64Array.from(scores).sort();
	const n = sorted.length;
	return scores.map((score) => {
		// rank = the number of scores below this one (the first index of its value)
		let low = 0;
		let high = n;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (sorted[mid] < score) low = mid + 1;
			else high = mid;
		}
		return Math.floor((low * 5) / n) + 1;
	});
}

function parseNumber(text: string): number | null {
	const value = Number(text.trim().replace(',', '.'));
	return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

/** Reads a whole deprivation file (already decoded). */
export function readDeprivationFile(text: string): DeprivationReading {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
	const [header, ...rows] = parsed.data;
	if (!header || rows.length === 0)
		return { ok: false, problems: [{ line: 0, column: '', error: 'areas.errors.empty_file' }] };

	let key = -1;
	let province = -1;
	let region = -1;
	let population = -1;
	const scoreAt = new Map<Dimension, number>();
	const quintileAt = new Map<Dimension, number>();
	header.forEach((name, index) => {
		const n = norm(name);
		if (KEY_COLUMNS.has(n) && key < 0) key = index;
		else if (PROVINCE_COLUMNS.has(n)) province = index;
		else if (REGION_COLUMNS.has(n)) region = index;
		else if (POPULATION_COLUMNS.has(n)) population = index;
		else if (SCORE_COLUMNS[n]) scoreAt.set(SCORE_COLUMNS[n], index);
		else if (QUINTILE_COLUMNS[n]) quintileAt.set(QUINTILE_COLUMNS[n], index);
	});
	const problems: DeprivationProblem[] = [];
	if (key < 0) problems.push({ line: 1, column: 'DAUID', error: 'areas.errors.no_key_column' });
	const dimensions = DIMENSIONS.filter((d) => scoreAt.has(d) || quintileAt.has(d));
	if (dimensions.length === 0)
		problems.push({ line: 1, column: '', error: 'areas.errors.no_dimension_column' });
	if (problems.length > 0) return { ok: false, problems };

	const areas: DeprivationArea[] = [];
	const seen = new Set<string>();
	rows.forEach((row, i) => {
		const line = i + 2;
		const report = (column: number, error: string) => {
			if (problems.length < MAX_PROBLEMS) problems.push({ line, column: header[column], error });
		};
		const dauid = (row[key] ?? '').trim();
		if (!/^\d{8}$/.test(dauid)) return report(key, 'areas.errors.bad_dauid');
		if (seen.has(dauid)) return report(key, 'areas.errors.repeated_dauid');
		seen.add(dauid);
		const area: DeprivationArea = {
			dauid,
			province:
				province >= 0
					? (row[province] ?? '').trim().slice(0, 60)
					: (PROVINCES[dauid.slice(0, 2)] ?? ''),
			region: region >= 0 ? (row[region] ?? '').trim().slice(0, 120) : '',
			population: null,
			scores: {},
			quintiles: {}
		};
		if (population >= 0 && (row[population] ?? '').trim() !== '') {
			const value = parseNumber(row[population]);
			if (value === null || value < 0 || !Number.isInteger(value))
				return report(population, 'areas.errors.bad_population');
			area.population = value;
		}
		for (const [dimension, column] of scoreAt) {
			const value = parseNumber(row[column] ?? '');
			if (value === null) return report(column, 'areas.errors.bad_score');
			area.scores[dimension] = value;
		}
		for (const [dimension, column] of quintileAt) {
			const value = parseNumber(row[column] ?? '');
			if (value === null || !Number.isInteger(value) || value < 1 || value > 5)
				return report(column, 'areas.errors.bad_quintile');
			area.quintiles[dimension] = value;
		}
		areas.push(area);
	});
	if (problems.length > 0) return { ok: false, problems };

	// Dimensions with scores but no quintile column get quintiles computed within the file.
	const computed = dimensions.filter((d) => !quintileAt.has(d));
	for (const dimension of computed) {
		const quintiles = quintilesOf(areas.map((area) => area.scores[dimension]!));
		areas.forEach((area, i) => (area.quintiles[dimension] = quintiles[i]));
	}
	return { ok: true, areas, dimensions, computedQuintiles: computed.length > 0 };
}

export type AreaFilter = {
	/** rank by this dimension (most deprived first); null: by the mean of the area's quintiles */
	dimension: Dimension | null;
	/** keep areas whose quintile on the ranking dimension (or mean) is at least this */
	minQuintile: number;
	/** keep only this province or region, when not blank */
	place: string;
};

/** The mean quintile over the dimensions the area has: a rough "deprived on many fronts". */
export function meanQuintile(area: Pick<DeprivationArea, 'quintiles'>): number {
	const values = Object.values(area.quintiles).filter((v): v is number => typeof v === 'number');
	return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Areas filtered and ranked, most deprived first; ties by score, then by code. */
export function rankAreas<T extends Omit<DeprivationArea, 'population'>>(
	areas: readonly T[],
	filter: AreaFilter
): T[] {
	const level = (area: T) =>
		filter.dimension ? (area.quintiles[filter.dimension] ?? 0) : meanQuintile(area);
	const score = (area: T) =>
		filter.dimension ? (area.scores[filter.dimension] ?? -Infinity) : -Infinity;
	const place = filter.place.trim().toLowerCase();
	return areas
		.filter((area) => level(area) >= filter.minQuintile)
		.filter(
			(area) =>
				!place || area.province.toLowerCase() === place || area.region.toLowerCase() === place
		)
		.sort((a, b) => level(b) - level(a) || score(b) - score(a) || a.dauid.localeCompare(b.dauid));
}

/*
 * The 2021 Census Profile characteristics the platform reads: [CHARACTERISTIC_ID, depth,
 * English name as in the data CSV without its leading spaces]. IDs are the same across the
 * 98-401-X2021xxx products; names and depths come verbatim from StatCan's characteristic list
 * and are used to check, at import, that a file numbers its characteristics the same way.
 */
const list: [number, number, string][] = [
	[8, 0, 'Total - Age groups of the population - 100% data'],
	[9, 1, '0 to 14 years'],
	[13, 1, '15 to 64 years'],
	[14, 2, '15 to 19 years'],
	[15, 2, '20 to 24 years'],
	[16, 2, '25 to 29 years'],
	[17, 2, '30 to 34 years'],
	[18, 2, '35 to 39 years'],
	[19, 2, '40 to 44 years'],
	[20, 2, '45 to 49 years'],
	[21, 2, '50 to 54 years'],
	[22, 2, '55 to 59 years'],
	[23, 2, '60 to 64 years'],
	[24, 1, '65 years and over'],
	[25, 2, '65 to 69 years'],
	[26, 2, '70 to 74 years'],
	[27, 2, '75 to 79 years'],
	[28, 2, '80 to 84 years'],
	[29, 2, '85 years and over'],
	[
		388,
		0,
		'Total - First official language spoken for the total population excluding institutional residents - 100% data'
	],
	[389, 1, 'English'],
	[390, 1, 'French'],
	[391, 1, 'English and French'],
	[392, 1, 'Neither English nor French'],
	[
		1402,
		0,
		'Total - Indigenous identity for the population in private households - 25% sample data'
	],
	[1403, 1, 'Indigenous identity'],
	[1405, 3, 'First Nations (North American Indian)'],
	[1406, 3, 'Métis'],
	[1407, 3, 'Inuk (Inuit)'],
	[1408, 2, 'Multiple Indigenous responses'],
	[1409, 2, 'Indigenous responses not included elsewhere'],
	[1410, 1, 'Non-Indigenous identity'],
	[1414, 0, 'Total - Private households by tenure - 25% sample data'],
	[1415, 1, 'Owner'],
	[1416, 1, 'Renter'],
	[1417, 1, 'Dwelling provided by the local government, First Nation or Indian band'],
	[
		1527,
		0,
		'Total - Immigrant status and period of immigration for the population in private households - 25% sample data'
	],
	[1528, 1, 'Non-immigrants'],
	[1529, 1, 'Immigrants'],
	[1530, 2, 'Before 1980'],
	[1531, 2, '1980 to 1990'],
	[1532, 2, '1991 to 2000'],
	[1533, 2, '2001 to 2010'],
	[1534, 2, '2011 to 2021'],
	[1535, 3, '2011 to 2015'],
	[1536, 3, '2016 to 2021'],
	[1537, 1, 'Non-permanent residents'],
	[1683, 0, 'Total - Visible minority for the population in private households - 25% sample data'],
	[1684, 1, 'Total visible minority population'],
	[1697, 1, 'Not a visible minority']
];

export type CensusCharacteristic = { id: number; depth: number; name: string };

export const censusCharacteristics: ReadonlyMap<number, CensusCharacteristic> = new Map(
	list.map(([id, depth, name]) => [id, { id, depth, name }])
);

/**
 * Names compared loosely: case, runs of spaces, accents and a trailing footnote number
 * ("Métis (12)") do not make a different characteristic.
 */
export function sameCharacteristicName(a: string, b: string): boolean {
	const norm = (name: string) =>
		name
			.normalize('NFD')
			.replace(/\p{M}/gu, '')
			.replace(/\s*\(\d+\)$/, '')
			.replace(/\s+/g, ' ')
			.trim()
			.toLowerCase();
	return norm(a) === norm(b);
}

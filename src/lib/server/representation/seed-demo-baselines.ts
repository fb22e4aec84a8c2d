import sampleProfile from '../../../../tests/fixtures/census/ada-10010001-2021.csv?raw';
import { readCensusProfile } from '$lib/domain/representation/read-census-profile';
import { censusDimensions } from '$lib/domain/representation/census-mapping';
import type { Tx } from '../db/types';
import { importCensusProfile } from './import-census-profile';

/*
 * The demo community's baselines, imported by the real import code from real Statistics
 * Canada rows: the first rows of the 2021 Census Profile for aggregate dissemination area
 * 10010001 (Newfoundland and Labrador), not Vanier. Those rows only reach characteristic 9,
 * so only gender (men+ and women+ aged 15 and over) can be computed; the label says so.
 */
export const DEMO_BASELINE_LABEL =
	'Statistics Canada, 2021 Census Profile, 98-401-X2021012: sample rows of aggregate dissemination area 10010001 (Newfoundland and Labrador), shown for the demo, not Vanier';

export async function seedDemoBaselines(tx: Tx, communityId: string, ownerId: string) {
	async function* chunks() {
		yield new TextEncoder().encode(sampleProfile);
	}
	const reading = await readCensusProfile(chunks());
	if (!reading.ok)
		throw new Error(`The demo census sample does not read: ${reading.problems[0]?.key}`);
	await importCensusProfile(tx, communityId, ownerId, {
		extract: reading.extract,
		geographyCodes: reading.extract.geographies.map((geo) => geo.code),
		dimensions: [...censusDimensions],
		sourceLabel: DEMO_BASELINE_LABEL
	});
}

/**
 * The representation dashboard from counted participants and the community's baselines: one
 * view per demographic dimension, language as a dimension, and the channel breakdown, every
 * count of people through suppression. Pure: the server supplies the counts.
 */
import { z } from 'zod';
import {
	demographicDimension,
	demographicDimensionKeys,
	PREFER_NOT_TO_SAY,
	type DemographicDimension
} from '../questionnaires/demographics';
import { responseChannels, type ResponseChannel } from '../results/filters';
import { groupIsShown, suppressCells } from '../suppression/suppress';
import type { PopulationBaseline } from './baseline';
import { answerLanguages, languagePopulation } from './language';
import { presentDimension, type DimensionView } from './present';

/** What the dashboard's query string may ask for; anything else is ignored (a wider view). */
export const dashboardFilterSchema = z.object({
	questionnaire: z.uuid().optional().catch(undefined),
	channel: z.enum(responseChannels).optional().catch(undefined)
});
export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;

export function parseDashboardFilter(params: URLSearchParams): DashboardFilter {
	return dashboardFilterSchema.parse({
		questionnaire: params.get('questionnaire') || undefined,
		channel: params.get('channel') || undefined
	});
}

/** Counted participants, as participantCounts returns them. */
export interface CountedParticipants {
	totals: { channel: ResponseChannel; language: 'en' | 'fr'; participants: number }[];
	demographics: { dimension: string; value: string; participants: number }[];
}

export type Dashboard =
	| { shown: false; k: number; participants: number | null }
	| {
			shown: true;
			k: number;
			threshold: number;
			participants: number;
			dimensions: (DimensionView & { key: DemographicDimension })[];
			language: DimensionView;
			channels: { channel: ResponseChannel; count: number | null; suppressed: boolean }[];
	  };

export function buildDashboard(
	counts: CountedParticipants,
	baselines: readonly PopulationBaseline[],
	settings: { threshold: number; k: number }
): Dashboard {
	const { threshold, k } = settings;
	const participants = counts.totals.reduce((sum, row) => sum + row.participants, 0);
	// Below k people in all, every breakdown would show their answers: nothing but that.
	if (!groupIsShown(participants, k) || participants === 0)
		return { shown: false, k, participants: groupIsShown(participants, k) ? participants : null };

	const byDimension = new Map<string, Record<string, number>>();
	for (const row of counts.demographics) {
		const values = byDimension.get(row.dimension) ?? {};
		values[row.value] = (values[row.value] ?? 0) + row.participants;
		byDimension.set(row.dimension, values);
	}
	const baselineOf = new Map(baselines.map((b) => [b.dimension, b.counts]));

	const dimensions = demographicDimensionKeys
		.filter((key) => byDimension.has(key) || baselineOf.has(key))
		.map((key) => {
			const spec = demographicDimension(key);
			const chosen = byDimension.get(key) ?? {};
			const population = baselineOf.get(key) ?? null;
			// Organizer-listed options (area of residence): whatever the baseline and answers name.
			const values = spec.organizerOptions
				? [...new Set([...Object.keys(population ?? {}), ...Object.keys(chosen)])].filter(
						(value) => value !== PREFER_NOT_TO_SAY
					)
				: spec.options.map((o) => o.value).filter((value) => value !== PREFER_NOT_TO_SAY);
			return {
				key,
				...presentDimension({
					dimension: key,
					values,
					participants: chosen,
					population,
					totalParticipants: participants,
					threshold,
					k
				})
			};
		});

	const byLanguage: Record<string, number> = {};
	for (const row of counts.totals)
		byLanguage[row.language] = (byLanguage[row.language] ?? 0) + row.participants;
	const fols = baselineOf.get('first_official_language');
	const language = presentDimension({
		dimension: 'language',
		values: answerLanguages,
		participants: byLanguage,
		population: fols ? languagePopulation(fols) : null,
		totalParticipants: participants,
		threshold,
		k,
		preferNotToSayValue: '\u0000none'
	});

	const byChannel = new Map<ResponseChannel, number>();
	for (const row of counts.totals)
		byChannel.set(row.channel, (byChannel.get(row.channel) ?? 0) + row.participants);
	const channels = suppressCells(
		responseChannels.map((channel) => ({ key: channel, count: byChannel.get(channel) ?? 0 })),
		k
	).map((cell) => ({ channel: cell.key, count: cell.count, suppressed: cell.suppressed }));

	return { shown: true, k, threshold, participants, dimensions, language, channels };
}

/**
 * How many people took part, by channel and language, and how they described themselves, from
 * every kind of input of a community, counted in SQL (one group-by per source; no row per
 * person ever reaches the server).
 *
 * Each input is a source: a SQL select yielding already-counted rows
 *   (channel, language, dimension, value, participants)
 * where dimension and value are null on the row that counts everyone of that channel and
 * language, answered or not. Event participants and focus-group or interview attendee tallies
 * join as one more entry of `sources`.
 *
 * Outcome: the counts as the signed-in person may read them (owners, organizers and analysts
 * see everything; anyone else sees nothing and gets zeros).
 */
import type { ResponseChannel, ResponseLanguage } from '$lib/domain/results/filters';
import type { Queryable } from '../db/types';
import { eventSigninSheets } from '../events/signin-source';
import { sessionAttendees } from '../sessions/attendee-source';

export interface ParticipantFilter {
	/** only the responses to this questionnaire (other inputs then count nothing) */
	questionnaireId?: string;
	channel?: ResponseChannel;
}

export interface ParticipantSource {
	id: string;
	/**
	 * The source's counted rows for one community ($1) and filter, or null when the filter
	 * leaves it out. `param` numbers a further parameter.
	 */
	select(filter: ParticipantFilter, param: (value: unknown) => string): string | null;
}

/**
 * Residents' answers to questionnaires, with the demographics they chose to give, counted by
 * public.response_participant_counts (which checks the caller's role once; see its migration).
 */
export const questionnaireResponses: ParticipantSource = {
	id: 'questionnaire_responses',
	select: (filter, param) =>
		`select channel, language, dimension, value, participants
		from public.response_participant_counts($1, ${param(filter.questionnaireId ?? null)}::uuid,
			${param(filter.channel ?? null)}::public.response_channel)`
};

export const sources: readonly ParticipantSource[] = [
	questionnaireResponses,
	sessionAttendees,
	eventSigninSheets
];

export interface ChannelLanguageCount {
	channel: ResponseChannel;
	language: ResponseLanguage;
	participants: number;
}

export interface ParticipantCounts {
	/** everyone, by channel and language */
	totals: ChannelLanguageCount[];
	/** described themselves on a dimension, by value, channel and language */
	demographics: (ChannelLanguageCount & { dimension: string; value: string })[];
}

export async function participantCounts(
	tx: Queryable,
	communityId: string,
	filter: ParticipantFilter = {},
	from: readonly ParticipantSource[] = sources
): Promise<ParticipantCounts> {
	const params: unknown[] = [communityId];
	const param = (value: unknown) => {
		params.push(value);
		return `$${params.length}`;
	};
	const selects = from.flatMap((source) => {
		const sql = source.select(filter, param);
		return sql ? [`(${sql})`] : [];
	});
	if (!selects.length) return { totals: [], demographics: [] };
	const rows = await tx.query<{
		channel: ResponseChannel;
		language: ResponseLanguage;
		dimension: string | null;
		value: string | null;
		participants: number;
	}>(
		`select channel, language, dimension, value, sum(participants)::int as participants
		from (${selects.join(' union all ')}) counted
		group by channel, language, dimension, value`,
		params
	);
	const totals: ParticipantCounts['totals'] = [];
	const demographics: ParticipantCounts['demographics'] = [];
	for (const { dimension, value, ...row } of rows)
		if (dimension === null || value === null) totals.push(row);
		else demographics.push({ ...row, dimension, value });
	return { totals, demographics };
}

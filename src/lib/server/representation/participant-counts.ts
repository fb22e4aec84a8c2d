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
 * Outcome: the counts as the signed-in person may read them (RLS: owners, organizers and
 * analysts see everything; anyone else sees nothing and gets zeros).
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

/** Residents' answers to questionnaires, with the demographics they chose to give. */
export const questionnaireResponses: ParticipantSource = {
	id: 'questionnaire_responses',
	select(filter, param) {
		const where = [
			'r.community_id = $1',
			...(filter.questionnaireId ? [`r.questionnaire_id = ${param(filter.questionnaireId)}`] : []),
			...(filter.channel ? [`r.channel = ${param(filter.channel)}::public.response_channel`] : [])
		].join(' and ');
		return `select r.channel::text as channel, r.language::text as language,
				null::text as dimension, null::text as value, count(*)::int as participants
			from public.responses r where ${where}
			group by r.channel, r.language
			union all
			select r.channel::text, r.language::text, d.dimension, d.value, count(*)::int
			from public.responses r
			join public.demographic_answers d on d.response_id = r.id
			where ${where}
			group by r.channel, r.language, d.dimension, d.value`;
	}
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

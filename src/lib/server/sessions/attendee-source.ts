import type { ParticipantSource } from '../representation/participant-counts';

/**
 * Attendee tallies of focus groups, interviews and meetings as participants in representation:
 * everyone who attended counts under the session's channel and language, and each sign-in sheet
 * count under its dimension and value. Meetings count as focus groups; observations do not
 * count (see channelOfSession). As for responses, only owners, organizers and analysts get
 * counts (volunteers may read session records, not the representation they add up to).
 */
export const sessionAttendees: ParticipantSource = {
	id: 'session_attendees',
	select(filter, param) {
		// sessions answer no questionnaire
		if (filter.questionnaireId) return null;
		const channel = `case s.kind when 'interview' then 'interview' else 'focus_group' end`;
		const where = [
			's.community_id = $1',
			`s.kind <> 'observation'`,
			`(select public.has_community_role($1, '{owner,organizer,analyst}'))`,
			...(filter.channel ? [`${channel} = ${param(filter.channel)}`] : [])
		].join(' and ');
		return `select ${channel} as channel, s.language::text as language,
				null::text as dimension, null::text as value, sum(s.attendees)::int as participants
			from public.listening_sessions s where ${where}
			group by 1, 2
			union all
			select ${channel}, s.language::text, c.dimension, c.value, sum(c.attendees)::int
			from public.listening_sessions s
			join public.session_attendee_counts c on c.session_id = s.id
			where ${where}
			group by 1, 2, 3, 4`;
	}
};

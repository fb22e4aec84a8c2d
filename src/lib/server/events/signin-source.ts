import type { ParticipantSource } from '../representation/participant-counts';

/**
 * Events' paper sign-in sheets as participants in representation, with channel 'event':
 * everyone who signed in counts once, and each group ticked on the sheet under its dimension and
 * value. Phone profiles are not added: the people who gave one signed the sheet too. An event
 * is held in both languages, so its sheet counts under the community's default language. As
 * for responses, only owners, organizers and analysts get counts.
 */
export const eventSigninSheets: ParticipantSource = {
	id: 'event_signin_sheets',
	select(filter) {
		// an event's sheet answers no questionnaire
		if (filter.questionnaireId) return null;
		if (filter.channel && filter.channel !== 'event') return null;
		return `select 'event' as channel, c.default_language::text as language,
				nullif(s.dimension, 'total') as dimension,
				case when s.dimension = 'total' then null else s.value end as value,
				sum(s.people)::int as participants
			from public.events e
			join public.communities c on c.id = e.community_id
			join public.event_signin_counts s on s.event_id = e.id
			where e.community_id = $1
				and (select public.has_community_role($1, '{owner,organizer,analyst}'))
			group by 1, 2, 3, 4`;
	}
};

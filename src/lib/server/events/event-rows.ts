import type { EventDisplay, EventKind } from '$lib/domain/events/forms';
import type { Bilingual } from '$lib/domain/questionnaires/bilingual';

/** An event as the team sees it. */
export interface TeamEvent {
	id: string;
	communityId: string;
	kind: EventKind;
	title: Bilingual;
	/** YYYY-MM-DD */
	heldOn: string;
	place: string;
	questionnaireId: string | null;
	questionnaireSlug: string | null;
	questionnaireTitle: Bilingual | null;
	joinCode: string;
	presenterKey: string;
	status: 'open' | 'closed';
	display: EventDisplay;
}

export const TEAM_EVENT_COLUMNS = `e.id, e.community_id as "communityId", e.kind, e.title,
	to_char(e.held_on, 'YYYY-MM-DD') as "heldOn", e.place, e.questionnaire_id as "questionnaireId",
	q.slug as "questionnaireSlug", q.title as "questionnaireTitle", e.join_code as "joinCode",
	e.presenter_key as "presenterKey", e.status, e.display`;

export const TEAM_EVENT_FROM = `public.events e
	left join public.questionnaires q on q.id = e.questionnaire_id`;

/** What a phone that joined sees of an event (public.event_by_code). */
export interface PublicEvent {
	id: string;
	communityId: string;
	communityName: Bilingual;
	kind: EventKind;
	title: Bilingual;
	heldOn: string;
	place: string;
	status: 'open' | 'closed';
	display: EventDisplay;
	questionnaireSlug: string | null;
}

import type { Queryable } from '../db/types';
import { noteSource } from '../sessions/note-source';
import { endorsementSource } from '../vision/endorsement-source';

/*
 * Where items to code come from. Each source lists the free text of one kind of record with a
 * stable item key; the queue is the union of the sources, so a new kind of text (session notes)
 * is one more entry in `itemSources`, and codings need no change.
 */

export interface SourceItem {
	key: string;
	kind: 'answer' | 'note' | 'endorsement';
	/** the participant: for answers, the response (one person); for notes, their session */
	participantId: string;
	responseId: string | null;
	questionnaireId: string | null;
	/** the focus group, interview or meeting a note was taken at */
	sessionId: string | null;
	/** where the text was written: the questionnaire and the question's prompt */
	context: { en: string; fr: string };
	contextDetail: { en: string; fr: string };
	text: string;
	language: 'en' | 'fr';
	channel: string;
	at: Date;
}

export interface SourceFilter {
	questionnaireId?: string;
	/** only the notes of one session (answers and endorsements have none) */
	sessionId?: string;
	language?: 'en' | 'fr';
	channel?: string;
}

export interface ItemSource {
	kind: SourceItem['kind'];
	list(tx: Queryable, communityId: string, filter: SourceFilter): Promise<SourceItem[]>;
}

/**
 * Free-text answers of questionnaire responses: short and long text questions, and what people
 * wrote after choosing "Other" on a choice question (stored as { other } or { selected, other }).
 */
export const answerSource: ItemSource = {
	kind: 'answer',
	list(tx, communityId, filter) {
		return tx.query<SourceItem>(
			`select 'answer:' || a.response_id || ':' || a.question_id as key, 'answer' as kind,
				r.id as "participantId", r.id as "responseId", r.questionnaire_id as "questionnaireId",
				null as "sessionId",
				qn.title as context, q.prompt as "contextDetail", x.text, r.language, r.channel,
				r.submitted_at as at
			from public.responses r
			join public.questionnaires qn on qn.id = r.questionnaire_id
			join public.answers a on a.response_id = r.id
			join public.questions q on q.id = a.question_id
			cross join lateral (
				select case
					when q.type in ('short_text', 'long_text') and jsonb_typeof(a.value) = 'string'
						then a.value #>> '{}'
					when q.type in ('single_choice', 'multiple_choice') and jsonb_typeof(a.value) = 'object'
						then a.value ->> 'other'
				end as text
			) x
			where r.community_id = $1
				and x.text is not null and btrim(x.text) <> ''
				and ($2::uuid is null or r.questionnaire_id = $2::uuid)
				and ($3::text is null or r.language::text = $3)
				and ($4::text is null or r.channel::text = $4)
			order by r.submitted_at, a.response_id, q.position`,
			[communityId, filter.questionnaireId ?? null, filter.language ?? null, filter.channel ?? null]
		);
	}
};

export const itemSources: readonly ItemSource[] = [answerSource, noteSource, endorsementSource];

/** Every item of every source that passes the filter. */
export async function listSourceItems(
	tx: Queryable,
	communityId: string,
	filter: SourceFilter = {}
): Promise<SourceItem[]> {
	const lists = [];
	for (const source of itemSources) lists.push(await source.list(tx, communityId, filter));
	return lists.flat();
}

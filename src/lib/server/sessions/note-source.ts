import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { SessionKind } from '$lib/domain/sessions/records';
import { translator } from '$lib/i18n';
import type { ItemSource, SourceItem } from '../coding/item-sources';

const en = translator('en');
const fr = translator('fr');

/**
 * Session notes as items of the coding queue, beside free-text answers: the note in the language
 * it was taken in, its session (kind and date) as context and the guide prompt it answers as
 * detail. The participant is the session: a note speaks for a group whose members are not
 * known, so a session counts once however many notes it has. Interviews code under the
 * interview channel, every other kind under focus group. Notes belong to no questionnaire, so
 * a questionnaire filter leaves them out.
 */
export const noteSource: ItemSource = {
	kind: 'note',
	async list(tx, communityId, filter) {
		if (filter.questionnaireId) return [];
		const rows = await tx.query<{
			id: string;
			sessionId: string;
			sessionKind: SessionKind;
			heldOn: string;
			prompt: Bilingual | null;
			text: string;
			language: 'en' | 'fr';
			channel: string;
			at: Date;
		}>(
			`select n.id, s.id as "sessionId", s.kind as "sessionKind", s.held_on::text as "heldOn",
				p.prompt, n.body ->> n.language::text as text, n.language::text as language,
				case when s.kind = 'interview' then 'interview' else 'focus_group' end as channel,
				n.created_at as at
			from public.session_notes n
			join public.listening_sessions s on s.id = n.session_id
			left join public.guide_prompts p on p.id = n.prompt_id
			where n.community_id = $1
				and ($2::text is null or n.language::text = $2)
				and ($3::text is null or $3 = case when s.kind = 'interview' then 'interview' else 'focus_group' end)
			order by n.created_at, n.id`,
			[communityId, filter.language ?? null, filter.channel ?? null]
		);
		return rows.map((row): SourceItem => ({
			key: `note:${row.id}`,
			kind: 'note',
			participantId: row.sessionId,
			responseId: null,
			questionnaireId: null,
			sessionId: row.sessionId,
			context: {
				en: en('sessions.note_context', {
					kind: en(`sessions.kinds.${row.sessionKind}`),
					date: row.heldOn
				}),
				fr: fr('sessions.note_context', {
					kind: fr(`sessions.kinds.${row.sessionKind}`),
					date: row.heldOn
				})
			},
			contextDetail: row.prompt ?? {
				en: en('sessions.notes.no_prompt'),
				fr: fr('sessions.notes.no_prompt')
			},
			text: row.text,
			language: row.language,
			channel: row.channel,
			at: row.at
		}));
	}
};

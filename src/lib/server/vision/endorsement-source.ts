import { translator } from '$lib/i18n';
import type { ItemSource, SourceItem } from '../coding/item-sources';

const en = translator('en');
const fr = translator('fr');

/**
 * Residents' comments on a published vision, as items of the coding queue beside answers and
 * notes: the comment in the language it was written in, the vision version as context. Each
 * endorsement is one person (one phone). Endorsements come online and belong to no
 * questionnaire, so a questionnaire or another channel filter leaves them out.
 */
export const endorsementSource: ItemSource = {
	kind: 'endorsement',
	async list(tx, communityId, filter) {
		if (filter.questionnaireId || (filter.channel && filter.channel !== 'online')) return [];
		const rows = await tx.query<{
			id: string;
			number: number;
			text: string;
			language: 'en' | 'fr';
			at: Date;
		}>(
			`select e.id, v.number, e.comment as text, e.language::text as language, e.updated_at as at
			from public.vision_endorsements e
			join public.vision_publications p on p.id = e.publication_id
			join public.vision_versions v on v.id = p.version_id
			where e.community_id = $1 and e.comment is not null
				and ($2::text is null or e.language::text = $2)
			order by e.updated_at, e.id`,
			[communityId, filter.language ?? null]
		);
		return rows.map((row): SourceItem => ({
			key: `endorsement:${row.id}`,
			kind: 'endorsement',
			participantId: row.id,
			responseId: null,
			questionnaireId: null,
			sessionId: null,
			context: {
				en: en('vision.comment_context', { number: row.number }),
				fr: fr('vision.comment_context', { number: row.number })
			},
			contextDetail: { en: en('vision.comment_detail'), fr: fr('vision.comment_detail') },
			text: row.text,
			language: row.language,
			channel: 'online',
			at: row.at
		}));
	}
};

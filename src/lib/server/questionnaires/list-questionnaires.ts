import type { Queryable } from '../db/types';

export interface QuestionnaireSummary {
	id: string;
	slug: string;
	title: { en: string; fr: string };
	status: 'draft' | 'open' | 'closed';
	opensAt: Date | null;
	closesAt: Date | null;
	/** taking answers now: open, and within its dates */
	isOpen: boolean;
	questions: number;
	/** as the caller may see them: volunteers see none (RLS) */
	responses: number;
	updatedAt: Date;
}

/** A community's questionnaires, newest first, with their status and how many responses each has. */
export function listQuestionnaires(
	tx: Queryable,
	communityId: string
): Promise<QuestionnaireSummary[]> {
	return tx.query<QuestionnaireSummary>(
		`select q.id, q.slug, q.title, q.status, q.opens_at as "opensAt", q.closes_at as "closesAt",
			public.questionnaire_is_open(q.id) as "isOpen",
			(select count(*)::int from public.questions x where x.questionnaire_id = q.id) as questions,
			(select count(*)::int from public.responses r where r.questionnaire_id = q.id) as responses,
			q.updated_at as "updatedAt"
		from public.questionnaires q
		where q.community_id = $1
		order by q.created_at desc, q.id`,
		[communityId]
	);
}

import type { QuestionnaireDefinitionInput } from '$lib/domain/questionnaires';
import type { Queryable } from '../db/types';
import { questionFromRow, type QuestionRow } from './question-rows';

export interface QuestionnaireMeta {
	id: string;
	communityId: string;
	slug: string;
	title: { en: string; fr: string };
	intro: { en: string; fr: string };
	status: 'draft' | 'open' | 'closed';
	opensAt: Date | null;
	closesAt: Date | null;
	/** taking answers now: open, and within its dates */
	isOpen: boolean;
	/** residents are offered to leave contact details (kept apart, for the owners only) */
	offersContact: boolean;
	/** changes with every edit of the title, introduction, sections or questions */
	definitionVersion: string;
}

export interface LoadedQuestionnaire {
	meta: QuestionnaireMeta;
	/** As stored: a draft may not yet be a valid definition (parse it before answering). */
	definition: QuestionnaireDefinitionInput;
}

/**
 * A questionnaire's own row, as the caller may see it under RLS
 * (residents: open ones only; team members: their community's). null when not visible.
 */
export async function loadQuestionnaireMeta(
	tx: Queryable,
	by: { id: string } | { slug: string }
): Promise<QuestionnaireMeta | null> {
	const [meta] = await tx.query<QuestionnaireMeta>(
		// No join to the community: under RLS its policies cost more to plan than the rest of
		// a submission, and nothing here needs its row.
		`select q.id, q.community_id as "communityId", q.slug, q.title, q.intro, q.status,
			q.opens_at as "opensAt", q.closes_at as "closesAt",
			public.questionnaire_is_open(q.id) as "isOpen", q.offers_contact as "offersContact",
			q.definition_version as "definitionVersion"
		from public.questionnaires q
		where ${'id' in by ? 'q.id = $1' : 'q.slug = $1'}`,
		['id' in by ? by.id : by.slug]
	);
	return meta ?? null;
}

/** The definition of a questionnaire whose meta the caller has read, sections and questions in order. */
export async function loadDefinition(
	tx: Queryable,
	meta: QuestionnaireMeta
): Promise<QuestionnaireDefinitionInput> {
	const sections = await tx.query<{
		id: string;
		title: { en: string; fr: string };
		condition: QuestionnaireDefinitionInput['sections'][number]['condition'] | null;
	}>(
		`select id, title, condition from public.questionnaire_sections
		where questionnaire_id = $1 order by position, id`,
		[meta.id]
	);
	const questions = await tx.query<QuestionRow & { section_id: string }>(
		`select id, section_id, type, prompt, help, required, config, condition from public.questions
		where questionnaire_id = $1 order by position, id`,
		[meta.id]
	);
	const intro = meta.intro.en || meta.intro.fr ? { intro: meta.intro } : {};
	return {
		title: meta.title,
		...intro,
		sections: sections.map((section) => ({
			id: section.id,
			title: section.title,
			...(section.condition ? { condition: section.condition } : {}),
			questions: questions.filter((q) => q.section_id === section.id).map(questionFromRow)
		}))
	};
}

/**
 * A questionnaire with its sections and questions in order, as the caller may see it under RLS
 * (residents: open ones only; team members: their community's). null when not visible.
 */
export async function loadQuestionnaire(
	tx: Queryable,
	by: { id: string } | { slug: string }
): Promise<LoadedQuestionnaire | null> {
	const meta = await loadQuestionnaireMeta(tx, by);
	return meta ? { meta, definition: await loadDefinition(tx, meta) } : null;
}

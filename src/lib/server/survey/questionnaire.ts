import { error } from '@sveltejs/kit';
import type { QuestionnaireDefinition } from '$lib/domain/questionnaires';
import { platform } from '../platform';
import {
	loadAnswerableQuestionnaire,
	type AnswerableQuestionnaire
} from '../questionnaires/load-answerable-questionnaire';
import type { LoadedQuestionnaire, QuestionnaireMeta } from '../questionnaires/load-questionnaire';

export interface SurveyQuestionnaire {
	loaded: LoadedQuestionnaire;
	definition: QuestionnaireDefinition;
}

/**
 * A published questionnaire residents cannot read now (closed, or outside its dates), read on the
 * server's own connection. Under RLS a resident sees only open questionnaires; this lets the
 * answering pages say "closed" or "not open yet" instead of "not found", and show someone who was
 * answering when it closed what they wrote. Callers show only the title and dates, or the
 * questions the person answered. Drafts stay hidden.
 */
export async function publishedElsewhen(slug: string): Promise<AnswerableQuestionnaire | null> {
	const found = await platform().db.transaction((tx) => loadAnswerableQuestionnaire(tx, { slug }));
	return found && found.loaded.meta.status !== 'draft' && !found.loaded.meta.isOpen ? found : null;
}

/** Whether an answering page can show it: its definition is valid. */
export function answerable(found: AnswerableQuestionnaire | null): found is SurveyQuestionnaire {
	return found?.definition != null;
}

/** The questionnaire of an answering page (open, or published and closed), else a 404. */
export async function surveyQuestionnaire(
	locals: App.Locals,
	slug: string
): Promise<SurveyQuestionnaire> {
	const found =
		(await locals.asUser((tx) => loadAnswerableQuestionnaire(tx, { slug }))) ??
		(await publishedElsewhen(slug));
	if (!answerable(found)) error(404, 'not_found');
	return found;
}

export function availability(meta: QuestionnaireMeta): 'open' | 'not_yet' | 'closed' {
	if (meta.isOpen) return 'open';
	const notYet =
		meta.status === 'draft' ||
		(meta.status === 'open' && meta.opensAt !== null && new Date(meta.opensAt) > new Date());
	return notYet ? 'not_yet' : 'closed';
}

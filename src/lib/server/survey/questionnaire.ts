import { error } from '@sveltejs/kit';
import { questionnaireDefinition, type QuestionnaireDefinition } from '$lib/domain/questionnaires';
import { platform } from '../platform';
import {
	loadQuestionnaire,
	type LoadedQuestionnaire,
	type QuestionnaireMeta
} from '../questionnaires/load-questionnaire';

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
async function publishedElsewhen(slug: string): Promise<LoadedQuestionnaire | null> {
	const loaded = await platform().db.transaction((tx) => loadQuestionnaire(tx, { slug }));
	return loaded && loaded.meta.status !== 'draft' && !loaded.meta.isOpen ? loaded : null;
}

/** The questionnaire of an answering page (open, or published and closed), else a 404. */
export async function surveyQuestionnaire(
	locals: App.Locals,
	slug: string
): Promise<SurveyQuestionnaire> {
	const loaded =
		(await locals.asUser((tx) => loadQuestionnaire(tx, { slug }))) ??
		(await publishedElsewhen(slug));
	const parsed = loaded ? questionnaireDefinition.safeParse(loaded.definition) : undefined;
	if (!loaded || !parsed?.success) error(404, 'not_found');
	return { loaded, definition: parsed.data };
}

export function availability(meta: QuestionnaireMeta): 'open' | 'not_yet' | 'closed' {
	if (meta.isOpen) return 'open';
	const notYet =
		meta.status === 'draft' ||
		(meta.status === 'open' && meta.opensAt !== null && new Date(meta.opensAt) > new Date());
	return notYet ? 'not_yet' : 'closed';
}

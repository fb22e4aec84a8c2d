import { error } from '@sveltejs/kit';
import type { Question } from '$lib/domain/questionnaires';
import { parseFilter, type ResultsFilter } from '$lib/domain/results/filters';
import type { Community } from '../communities/get-community';
import { loadQuestionnaire, type QuestionnaireMeta } from './load-questionnaire';
import { questionsOf } from './questionnaire-results';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ResultsContext {
	meta: QuestionnaireMeta;
	questions: Question[];
	filter: ResultsFilter;
}

/**
 * The questionnaire a results route names, with its questions and the filter its query string
 * asks for; a 404 page when the signed-in member cannot see it in this community.
 */
export async function resultsContext(
	locals: App.Locals,
	community: Community,
	questionnaireId: string,
	url: URL
): Promise<ResultsContext> {
	const loaded = UUID.test(questionnaireId)
		? await locals.asUser((tx) => loadQuestionnaire(tx, { id: questionnaireId }))
		: null;
	if (!loaded || loaded.meta.communityId !== community.id) error(404, 'not_found');
	const questions = questionsOf(loaded.definition);
	return { meta: loaded.meta, questions, filter: parseFilter(url.searchParams, questions) };
}

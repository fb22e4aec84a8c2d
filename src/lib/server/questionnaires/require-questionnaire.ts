import { error } from '@sveltejs/kit';
import { loadQuestionnaire, type LoadedQuestionnaire } from './load-questionnaire';

/**
 * A questionnaire of the route's community as the signed-in member sees it, or a 404 page
 * (also when the id belongs to another community).
 */
export async function requireQuestionnaire(
	locals: App.Locals,
	communityId: string,
	questionnaireId: string
): Promise<LoadedQuestionnaire> {
	const loaded = /^[0-9a-f-]{36}$/i.test(questionnaireId)
		? await locals.asUser((tx) => loadQuestionnaire(tx, { id: questionnaireId }))
		: null;
	if (!loaded || loaded.meta.communityId !== communityId) error(404, 'not_found');
	return loaded;
}

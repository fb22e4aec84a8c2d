import { error } from '@sveltejs/kit';
import type { Community } from '../communities/get-community';
import { loadBuilderState, type BuilderState } from './builder-state';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The questionnaire a builder route names, as the signed-in member sees it, or a 404 page when
 * it does not exist, is not visible to them, or belongs to another community.
 */
export async function requireBuilderState(
	locals: App.Locals,
	community: Community,
	questionnaireId: string
): Promise<BuilderState> {
	const state = UUID.test(questionnaireId)
		? await locals.asUser((tx) => loadBuilderState(tx, questionnaireId))
		: null;
	if (!state || state.meta.communityId !== community.id) error(404, 'not_found');
	return state;
}

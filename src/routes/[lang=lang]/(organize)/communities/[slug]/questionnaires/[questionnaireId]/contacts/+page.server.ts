import { canReadContactDetails } from '$lib/domain/builder/permissions';
import { requireQuestionnaire } from '$lib/server/questionnaires/require-questionnaire';
import { listContactDetails } from '$lib/server/responses/list-contact-details';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, parent, setHeaders }) => {
	// personal information: never kept by a shared cache
	setHeaders({ 'cache-control': 'no-store' });
	const { community } = await parent();
	const { meta } = await requireQuestionnaire(locals, community.id, params.questionnaireId);
	const allowed = canReadContactDetails(community.role);
	return {
		questionnaire: { id: meta.id, title: meta.title, offersContact: meta.offersContact },
		allowed,
		contacts: allowed ? await locals.asUser((tx) => listContactDetails(tx, meta.id)) : []
	};
}) satisfies PageServerLoad;

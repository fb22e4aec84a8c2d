import { isLang } from '$lib/i18n/languages';
import { requireBuilderState } from '$lib/server/questionnaires/require-builder-state';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, parent, url }) => {
	const { community } = await parent();
	const { meta, definition } = await requireBuilderState(locals, community, params.questionnaireId);
	const asked = url.searchParams.get('lang');
	return {
		questionnaire: { id: meta.id, title: meta.title, intro: meta.intro },
		definition,
		/** the language residents would read it in: ?lang=, else the page's */
		previewLang: isLang(asked) ? asked : locals.lang
	};
}) satisfies PageServerLoad;

import { fail } from '@sveltejs/kit';
import {
	codingForm,
	codingFormInput,
	queueFilterInput,
	queueFilters,
	rejectForm
} from '$lib/domain/coding/forms';
import { fieldErrors, formError } from '$lib/domain/validation';
import { requireCommunity } from '$lib/server/communities/require-community';
import { codeItems } from '$lib/server/coding/code-items';
import { codingHistory } from '$lib/server/coding/coding-history';
import { codingQueue } from '$lib/server/coding/coding-queue';
import { listThemes } from '$lib/server/coding/list-themes';
import { requireCoder } from '$lib/server/coding/permissions';
import { rejectSuggestion } from '$lib/server/coding/reject-suggestion';
import { undoLastCoding } from '$lib/server/coding/undo-coding';
import { listQuestionnaires } from '$lib/server/questionnaires/list-questionnaires';
import { listSessions } from '$lib/server/sessions/list-sessions';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent, url }) => {
	const { community } = await parent();
	requireCoder(community);
	const filters = queueFilters.parse(queueFilterInput(url.searchParams));
	return locals.asUser(async (tx) => {
		const themes = await listThemes(tx, community.id);
		return {
			filters,
			themes,
			questionnaires: (await listQuestionnaires(tx, community.id)).map((q) => ({
				id: q.id,
				title: q.title
			})),
			sessions: (await listSessions(tx, community.id)).map(({ id, kind, heldOn }) => ({
				id,
				kind,
				heldOn
			})),
			queue: await codingQueue(tx, community.id, themes, filters),
			history: await codingHistory(tx, community.id)
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	code: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const parsed = codingForm.safeParse(codingFormInput(await request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const { items, themes, op, source } = parsed.data;
		const result = await locals.asUser((tx) =>
			codeItems(tx, {
				communityId: community.id,
				itemKeys: items,
				add: op === 'add' ? themes : [],
				remove: op === 'remove' ? themes : [],
				source
			})
		);
		if (!result.ok) return fail(400, { errors: formError(result.error) });
		return { coded: { changes: result.changes, items: items.length, op } };
	},

	reject: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const data = await request.formData();
		const parsed = rejectForm.safeParse({ item: data.get('item'), theme: data.get('theme') });
		if (!parsed.success) return fail(400, { errors: formError('coding.errors.unknown_theme') });
		const result = await locals.asUser((tx) =>
			rejectSuggestion(tx, {
				communityId: community.id,
				itemKey: parsed.data.item,
				themeId: parsed.data.theme
			})
		);
		if (!result.ok) return fail(400, { errors: formError(result.error) });
		return { rejected: true };
	},

	undo: async ({ locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const result = await locals.asUser((tx) => undoLastCoding(tx, community.id));
		if (!result.ok) return fail(400, { errors: formError(result.error) });
		return { undone: result.changes };
	}
} satisfies Actions;

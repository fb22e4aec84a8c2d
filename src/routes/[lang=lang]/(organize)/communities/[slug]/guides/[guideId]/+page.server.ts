import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import {
	guideTitleForm,
	guideTitleInput,
	promptForm,
	promptInput
} from '$lib/domain/sessions/guides';
import { canEditGuides, UUID } from '$lib/domain/sessions/records';
import { formError, formValues, nestedFieldErrors, type FieldErrors } from '$lib/domain/validation';
import { requireCommunity } from '$lib/server/communities/require-community';
import { addPrompt } from '$lib/server/sessions/add-prompt';
import { deletePrompt } from '$lib/server/sessions/delete-prompt';
import { movePrompt } from '$lib/server/sessions/move-prompt';
import { requireGuide } from '$lib/server/sessions/require-guide';
import { updateGuide } from '$lib/server/sessions/update-guide';
import { updatePrompt } from '$lib/server/sessions/update-prompt';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = (async ({ locals, params, parent }) => {
	const { community } = await parent();
	return {
		guide: await requireGuide(locals, community.id, params.guideId),
		canEdit: canEditGuides(community.role)
	};
}) satisfies PageServerLoad;

/** The guide of the route, its form's fields, and the prompt they name (if any). */
async function posted({ request, locals, params }: RequestEvent) {
	const community = await requireCommunity(locals, params.slug);
	const guide = await requireGuide(locals, community.id, params.guideId);
	const values = formValues(await request.formData());
	return { guide, values };
}

const promptChoice = z.object({ promptId: z.string().regex(UUID) });
const move = promptChoice.extend({ direction: z.enum(['up', 'down']) });
const badRequest = () => fail(400, { errors: formError('errors.invalid') });

/** Field errors of one prompt's form, named by that form's element ids. */
function promptErrors(errors: FieldErrors, idPrefix: string): FieldErrors {
	return Object.fromEntries(
		Object.entries(errors).map(([field, key]) => [field.replace(/^prompt/, idPrefix), key])
	);
}

const done = (key: string) => ({ done: key });

export const actions = {
	rename: async (event) => {
		const { guide, values } = await posted(event);
		const parsed = guideTitleForm.safeParse(guideTitleInput(values));
		if (!parsed.success) return fail(400, { errors: nestedFieldErrors(parsed.error), values });
		const result = await event.locals.asUser((tx) =>
			updateGuide(tx, { guideId: guide.id, title: parsed.data.title })
		);
		return result.ok ? done('guides.done.renamed') : fail(403, { errors: formError(result.error) });
	},
	addPrompt: async (event) => {
		const { guide, values } = await posted(event);
		const parsed = promptForm.safeParse(promptInput(values));
		if (!parsed.success)
			return fail(400, {
				errors: promptErrors(nestedFieldErrors(parsed.error), 'new-prompt'),
				values,
				promptId: 'new'
			});
		const result = await event.locals.asUser((tx) =>
			addPrompt(tx, { guideId: guide.id, prompt: parsed.data.prompt })
		);
		return result.ok ? done('guides.done.added') : fail(403, { errors: formError(result.error) });
	},
	savePrompt: async (event) => {
		const { guide, values } = await posted(event);
		const choice = promptChoice.safeParse(values);
		if (!choice.success) return badRequest();
		const { promptId } = choice.data;
		const parsed = promptForm.safeParse(promptInput(values));
		if (!parsed.success)
			return fail(400, {
				errors: promptErrors(nestedFieldErrors(parsed.error), `prompt-${promptId}`),
				values,
				promptId
			});
		const result = await event.locals.asUser((tx) =>
			updatePrompt(tx, { guideId: guide.id, promptId, prompt: parsed.data.prompt })
		);
		return result.ok ? done('guides.done.saved') : fail(403, { errors: formError(result.error) });
	},
	move: async (event) => {
		const { guide, values } = await posted(event);
		const parsed = move.safeParse(values);
		if (!parsed.success) return badRequest();
		const result = await event.locals.asUser((tx) =>
			movePrompt(tx, { guideId: guide.id, ...parsed.data })
		);
		return result.ok ? done('guides.done.moved') : fail(400, { errors: formError(result.error) });
	},
	deletePrompt: async (event) => {
		const { guide, values } = await posted(event);
		const parsed = promptChoice.safeParse(values);
		if (!parsed.success) return badRequest();
		const result = await event.locals.asUser((tx) =>
			deletePrompt(tx, { guideId: guide.id, promptId: parsed.data.promptId })
		);
		return result.ok ? done('guides.done.deleted') : fail(400, { errors: formError(result.error) });
	}
} satisfies Actions;

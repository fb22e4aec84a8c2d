import { error, fail, redirect } from '@sveltejs/kit';
import { noteForm, noteInput } from '$lib/domain/sessions/notes';
import { UUID } from '$lib/domain/sessions/records';
import { formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { deleteNote } from '$lib/server/sessions/delete-note';
import { loadNote } from '$lib/server/sessions/load-note';
import { updateNote } from '$lib/server/sessions/update-note';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, parent }) => {
	const { session } = await parent();
	const note = UUID.test(params.noteId)
		? await locals.asUser((tx) => loadNote(tx, { sessionId: session.id, noteId: params.noteId }))
		: null;
	if (!note) error(404, 'not_found');
	return { note };
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		const parsed = noteForm.safeParse(noteInput(values));
		if (!parsed.success) return fail(400, { errors: nestedFieldErrors(parsed.error), values });
		const { id: _ignored, ...note } = parsed.data;
		const result = await locals.asUser((tx) =>
			updateNote(tx, { sessionId: params.sessionId, noteId: params.noteId, note })
		);
		if (!result.ok) return fail(400, { errors: formError(result.error), values });
		redirect(303, paths.session(locals.lang, params.slug, params.sessionId));
	},
	delete: async ({ locals, params }) => {
		const result = await locals.asUser((tx) =>
			deleteNote(tx, { sessionId: params.sessionId, noteId: params.noteId })
		);
		if (!result.ok) return fail(403, { errors: formError(result.error) });
		redirect(303, paths.session(locals.lang, params.slug, params.sessionId));
	}
} satisfies Actions;

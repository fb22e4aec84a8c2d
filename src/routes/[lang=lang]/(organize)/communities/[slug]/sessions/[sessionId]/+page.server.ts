import { fail } from '@sveltejs/kit';
import { noteForm, noteInput } from '$lib/domain/sessions/notes';
import { canReadAllNotes, canRecordSessions } from '$lib/domain/sessions/records';
import { formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { requireCommunity } from '$lib/server/communities/require-community';
import { addNote } from '$lib/server/sessions/add-note';
import { listNotes } from '$lib/server/sessions/list-notes';
import { requireSession } from '$lib/server/sessions/require-session';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community, session } = await parent();
	return {
		notes: await locals.asUser((tx) => listNotes(tx, session.id)),
		// a new id with every page, so that the note form sent twice saves one note
		newNoteId: crypto.randomUUID(),
		canRecord: canRecordSessions(community.role),
		readsAllNotes: canReadAllNotes(community.role)
	};
}) satisfies PageServerLoad;

export const actions = {
	addNote: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const session = await requireSession(locals, community.id, params.sessionId);
		const values = formValues(await request.formData());
		const parsed = noteForm.safeParse(noteInput(values));
		if (!parsed.success) return fail(400, { errors: nestedFieldErrors(parsed.error), values });
		const { id, ...note } = parsed.data;
		const result = await locals.asUser((tx) =>
			addNote(tx, { sessionId: session.id, communityId: community.id, id, note })
		);
		if (!result.ok) return fail(400, { errors: formError(result.error), values });
		return {
			saved: true,
			sticky: { kind: note.kind, promptId: note.promptId ?? '', language: note.language }
		};
	}
} satisfies Actions;

import { fail } from '@sveltejs/kit';
import Papa from 'papaparse';
import { z } from 'zod';
import { decodeText } from '$lib/domain/responses/decode-text';
import { formError } from '$lib/domain/validation';
import { requireCommunity } from '$lib/server/communities/require-community';
import { importNotes } from '$lib/server/sessions/import-notes';
import { requireSession } from '$lib/server/sessions/require-session';
import { canRecordSessions } from '$lib/domain/sessions/records';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 2 * 1024 * 1024;

export const load = (async ({ parent }) => {
	const { community } = await parent();
	return { canImport: canRecordSessions(community.role) };
}) satisfies PageServerLoad;

const choice = z.object({
	mode: z.enum(['dry_run', 'import']),
	csv: z.string().max(MAX_BYTES).default('')
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = choice.safeParse({ mode: form.get('mode'), csv: form.get('csv') ?? undefined });
		if (!parsed.success) return fail(400, { errors: formError('errors.invalid') });
		const file = form.get('file');
		let text = parsed.data.csv;
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_BYTES)
				return fail(413, { errors: formError('sessions.import.too_large') });
			text = decodeText(new Uint8Array(await file.arrayBuffer()));
		}
		if (text.trim() === '') return fail(400, { errors: { file: 'sessions.import.no_file' } });

		const community = await requireCommunity(locals, params.slug);
		const session = await requireSession(locals, community.id, params.sessionId);
		// blank lines are kept so that row numbers match the file; the reader skips them
		const sheet = Papa.parse<string[]>(text).data;
		const result = await locals.asUser((tx) =>
			importNotes(tx, { session, sheet, fileText: text, dryRun: parsed.data.mode === 'dry_run' })
		);
		if (!result.ok) return fail(403, { errors: formError(result.error) });
		return {
			check: {
				mode: parsed.data.mode,
				csv: text,
				rows: result.reading.rows,
				validRows: result.reading.notes.length,
				problems: result.reading.problems,
				imported: result.imported,
				duplicates: result.duplicates
			}
		};
	}
} satisfies Actions;

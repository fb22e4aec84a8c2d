import { fail } from '@sveltejs/kit';
import Papa from 'papaparse';
import { z } from 'zod';
import { questionnaireDefinition } from '$lib/domain/questionnaires';
import { decodeText } from '$lib/domain/responses/decode-text';
import { formError } from '$lib/domain/validation';
import { languages } from '$lib/i18n/languages';
import { requireCommunity } from '$lib/server/communities/require-community';
import { importPaperResponses } from '$lib/server/questionnaires/import-paper-responses';
import { requireQuestionnaire } from '$lib/server/questionnaires/require-questionnaire';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 5 * 1024 * 1024;

export const load = (async ({ locals, params, parent }) => {
	const { community } = await parent();
	const { meta } = await requireQuestionnaire(locals, community.id, params.questionnaireId);
	return { questionnaire: meta, canImport: community.role !== 'analyst' };
}) satisfies PageServerLoad;

const choice = z.object({
	mode: z.enum(['dry_run', 'all', 'valid_only']),
	language: z.enum(languages, 'errors.invalid_choice'),
	csv: z.string().max(MAX_BYTES).default('')
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const parsed = choice.safeParse({
			mode: form.get('mode'),
			language: form.get('language'),
			csv: form.get('csv') ?? undefined
		});
		if (!parsed.success) return fail(400, { errors: formError('paper.errors.bad_request') });
		const file = form.get('file');
		let text = parsed.data.csv;
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_BYTES) return fail(413, { errors: formError('paper.errors.too_large') });
			text = decodeText(new Uint8Array(await file.arrayBuffer()));
		}
		if (text.trim() === '') return fail(400, { errors: { file: 'paper.errors.no_file' } });

		const community = await requireCommunity(locals, params.slug);
		const { meta, definition } = await requireQuestionnaire(
			locals,
			community.id,
			params.questionnaireId
		);
		const valid = questionnaireDefinition.safeParse(definition);
		if (!valid.success)
			return fail(409, { errors: formError('paper.errors.questionnaire_incomplete') });

		const sheet = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
		const { reading, imported, duplicates } = await locals.asUser((tx) =>
			importPaperResponses(tx, {
				questionnaireId: meta.id,
				definition: valid.data,
				sheet,
				fileText: text,
				language: parsed.data.language,
				mode: parsed.data.mode
			})
		);
		return {
			check: {
				mode: parsed.data.mode,
				language: parsed.data.language,
				csv: text,
				rows: reading.valid.length + reading.invalidRows,
				validRows: reading.valid.length,
				invalidRows: reading.invalidRows,
				problems: [...reading.fileProblems, ...reading.problems],
				imported,
				duplicates
			}
		};
	}
} satisfies Actions;

import { fail, redirect } from '@sveltejs/kit';
import { decodeDeprivationFile, readDeprivationFile } from '$lib/domain/selection/deprivation';
import { formError } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { importDeprivationFile } from '$lib/server/selection/import-deprivation-file';
import { listDeprivationImports } from '$lib/server/selection/list-deprivation-areas';
import type { Actions, PageServerLoad } from './$types';

/** A whole-Canada CIMD file is about 2 MB; anything far larger is not a deprivation file. */
const MAX_BYTES = 8 * 1024 * 1024;

export const load = (async ({ locals }) => ({
	imports: await locals.asUser((tx) => listDeprivationImports(tx))
})) satisfies PageServerLoad;

export const actions = {
	/** mode=dry: read and report only; mode=import: read, and store only when all of it reads. */
	default: async ({ request, locals }) => {
		const data = await request.formData();
		const file = data.get('file');
		const dry = data.get('mode') !== 'import';
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { errors: { file: 'areas.errors.no_file' } });
		if (file.size > MAX_BYTES) return fail(400, { errors: { file: 'areas.errors.too_large' } });
		const reading = readDeprivationFile(
			decodeDeprivationFile(new Uint8Array(await file.arrayBuffer()))
		);
		if (!reading.ok)
			return fail(400, {
				errors: formError('areas.errors.file_refused'),
				problems: reading.problems
			});
		const summary = {
			fileName: file.name,
			areas: reading.areas.length,
			dimensions: reading.dimensions,
			computedQuintiles: reading.computedQuintiles
		};
		if (dry) return { dryRun: summary };
		const stored = await locals.asUser((tx) =>
			importDeprivationFile(tx, { ...reading, fileName: file.name })
		);
		redirect(303, paths.areaImport(locals.lang, stored.id));
	}
} satisfies Actions;

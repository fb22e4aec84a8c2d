import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { communityForm } from '$lib/domain/communities/schemas';
import { rankAreas } from '$lib/domain/selection/deprivation';
import { areaFilterForm, chosenAreasForm, readinessNoteForm } from '$lib/domain/selection/forms';
import { fieldErrors, formError, formValues } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { createCommunityFromAreas } from '$lib/server/selection/create-community-from-areas';
import {
	listDeprivationAreas,
	listDeprivationImports
} from '$lib/server/selection/list-deprivation-areas';
import { setReadinessNote } from '$lib/server/selection/set-readiness-note';
import type { Actions, PageServerLoad } from './$types';

/** Rows shown at once: enough to choose from; filters narrow a province-wide file. */
const SHOWN = 200;

export const load = (async ({ locals, params, url }) => {
	if (!z.uuid().safeParse(params.importId).success) error(404, 'not_found');
	const filter = areaFilterForm.parse({
		dimension: url.searchParams.get('dimension') ?? '',
		minQuintile: url.searchParams.get('quintile') ?? '1',
		place: url.searchParams.get('place') ?? ''
	});
	return locals.asUser(async (tx) => {
		const file = (await listDeprivationImports(tx)).find((i) => i.id === params.importId);
		if (!file) error(404, 'not_found');
		const areas = await listDeprivationAreas(tx, file.id);
		const ranked = rankAreas(areas, filter);
		const places = [
			...new Set(areas.flatMap((a) => [a.province, a.region]).filter(Boolean))
		].sort();
		return { file, filter, places, matching: ranked.length, areas: ranked.slice(0, SHOWN) };
	});
}) satisfies PageServerLoad;

export const actions = {
	note: async ({ request, locals }) => {
		const parsed = readinessNoteForm.safeParse(formValues(await request.formData()));
		if (!parsed.success) return fail(400, { action: 'note', errors: fieldErrors(parsed.error) });
		const saved = await locals.asUser((tx) =>
			setReadinessNote(tx, parsed.data.areaId, parsed.data.note)
		);
		if (!saved) return fail(404, { action: 'note', errors: formError('areas.errors.not_found') });
		return { action: 'note', done: true };
	},
	create: async ({ request, locals }) => {
		const data = await request.formData();
		const values = formValues(data);
		const areaIds = data.getAll('areaIds').filter((v): v is string => typeof v === 'string');
		const chosen = chosenAreasForm.safeParse({ areaIds });
		const parsed = communityForm.safeParse(values);
		if (!chosen.success || !parsed.success)
			return fail(400, {
				action: 'create',
				errors: {
					...(chosen.success ? {} : fieldErrors(chosen.error)),
					...(parsed.success ? {} : fieldErrors(parsed.error))
				},
				values,
				areaIds
			});
		const result = await locals.asUser((tx) =>
			createCommunityFromAreas(tx, parsed.data, chosen.data.areaIds)
		);
		if (!result.ok)
			return fail(400, {
				action: 'create',
				errors: { [result.field]: result.error },
				values,
				areaIds
			});
		redirect(303, paths.community(locals.lang, result.slug));
	}
} satisfies Actions;

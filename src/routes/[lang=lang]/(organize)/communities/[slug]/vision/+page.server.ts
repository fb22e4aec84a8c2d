import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { diffVersions } from '$lib/domain/vision/diff';
import { draftFromForm, draftToForm } from '$lib/domain/vision/vision';
import { formError, formValues } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCoder } from '$lib/server/coding/permissions';
import { requireCommunity } from '$lib/server/communities/require-community';
import { listPriorityAreas } from '$lib/server/priorities/list-priority-areas';
import { closeEndorsement } from '$lib/server/vision/close-endorsement';
import { listPublications, listVisionVersions } from '$lib/server/vision/load-vision';
import { publishVision } from '$lib/server/vision/publish-vision';
import { saveVisionVersion } from '$lib/server/vision/save-vision-version';
import type { Actions, PageServerLoad } from './$types';

const versionNumber = z.coerce.number().int().positive();

export const load = (async ({ locals, parent, url }) => {
	const { community } = await parent();
	requireCoder(community);
	const { versions, publications, areas } = await locals.asUser(async (tx) => ({
		versions: await listVisionVersions(tx, community.id),
		publications: await listPublications(tx, community.id),
		areas: await listPriorityAreas(tx, community.id)
	}));
	const latest = versions[0];
	// compare the two newest by default; ?from=&to= pick any two
	const pick = (name: string, fallback: number | undefined) => {
		const n = versionNumber.safeParse(url.searchParams.get(name));
		return n.success && versions.some((v) => v.number === n.data) ? n.data : fallback;
	};
	const to = pick('to', latest?.number);
	const from = pick('from', versions[1]?.number);
	const before = versions.find((v) => v.number === from);
	const after = versions.find((v) => v.number === to);
	return {
		versions: versions.map(({ id, number, createdAt, author }) => ({
			id,
			number,
			createdAt,
			author,
			published: publications.some((p) => p.versionId === id)
		})),
		publications,
		current: publications[0] ?? null,
		areas: areas.map(({ id, name }) => ({ id, name })),
		values: latest ? draftToForm(latest) : {},
		goalAreas: latest?.goals.map((goal) => goal.areas) ?? [],
		compare: { from, to, changes: before && after ? diffVersions(before, after) : null }
	};
}) satisfies PageServerLoad;

export const actions = {
	/** Every save is a new version; the form shows it again. */
	save: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const data = await request.formData();
		const values = formValues(data);
		// the areas ticked per goal row, to tick them again when the form comes back
		const areas: Record<string, string[]> = {};
		for (const [name, value] of data.entries()) {
			const row = /^goal\.(\d+)\.area$/.exec(name)?.[1];
			if (row) areas[row] = [...(areas[row] ?? []), String(value)];
		}
		const result = await locals.asUser((tx) =>
			saveVisionVersion(
				tx,
				community.id,
				draftFromForm([...data.entries()].map(([name, value]) => [name, String(value)]))
			)
		);
		if (!result.ok) return fail(400, { errors: result.errors, values, areas });
		return { saved: result.number };
	},

	/** Publishing refuses missing translations, each named. */
	publish: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const number = versionNumber.safeParse(formValues(await request.formData()).number);
		if (!number.success) return fail(400, { errors: formError('vision.errors.not_found') });
		const result = await locals.asUser((tx) => publishVision(tx, community, number.data));
		if (!result.ok)
			return fail(400, {
				errors: 'problems' in result ? {} : formError(result.error),
				problems: 'problems' in result ? result.problems : [],
				number: number.data
			});
		redirect(303, paths.vision(locals.lang, community.slug, '?published=1'));
	},

	close: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const id = z.uuid().safeParse(formValues(await request.formData()).publication);
		const closed =
			id.success && (await locals.asUser((tx) => closeEndorsement(tx, community.id, id.data)));
		if (!closed) return fail(400, { errors: formError('vision.errors.not_allowed') });
		return { closed: true };
	}
} satisfies Actions;

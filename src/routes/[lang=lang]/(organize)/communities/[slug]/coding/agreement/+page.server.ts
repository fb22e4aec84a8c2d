import { fail } from '@sveltejs/kit';
import { sampleForm } from '$lib/domain/coding/forms';
import { fieldErrors, formError, formValues } from '$lib/domain/validation';
import { requireCommunity } from '$lib/server/communities/require-community';
import { listThemes } from '$lib/server/coding/list-themes';
import { requireCoder } from '$lib/server/coding/permissions';
import {
	agreementReport,
	drawSample,
	listCoders,
	mySampleItems,
	submitSecondCoding
} from '$lib/server/coding/second-coding';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	requireCoder(community);
	return locals.asUser(async (tx) => {
		const themes = await listThemes(tx, community.id);
		return {
			themes,
			coders: await listCoders(tx, community.id),
			sample: await mySampleItems(tx, community.id),
			report: await agreementReport(
				tx,
				community.id,
				themes.map((t) => t.id)
			)
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	draw: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		const parsed = sampleForm.safeParse(values);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values });
		const result = await locals.asUser((tx) =>
			drawSample(tx, {
				communityId: community.id,
				coderId: parsed.data.coder,
				size: parsed.data.size
			})
		);
		if (!result.ok) return fail(400, { errors: formError(result.error), values });
		return { drawn: result.drawn };
	},

	second: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const data = await request.formData();
		const item = data.get('item');
		const themeIds = data.getAll('theme').filter((v): v is string => typeof v === 'string');
		if (typeof item !== 'string') return fail(400, { errors: formError('coding.errors.no_items') });
		const result = await locals.asUser((tx) =>
			submitSecondCoding(tx, { communityId: community.id, itemKey: item, themeIds })
		);
		if (!result.ok) return fail(400, { errors: formError(result.error) });
		return { secondSaved: true };
	}
} satisfies Actions;

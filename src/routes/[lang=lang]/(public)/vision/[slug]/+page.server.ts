import { error, fail } from '@sveltejs/kit';
import { formValues } from '$lib/domain/validation';
import { endorsementFromForm } from '$lib/domain/vision/endorsement';
import { profileFromForm } from '$lib/domain/voting/profile';
import { localized } from '$lib/i18n';
import { deviceToken, ensureDeviceToken } from '$lib/server/events/device-token';
import { loadPublicCommunity, type PublicCommunity } from '$lib/server/reports/public-community';
import { endorsementByDevice, endorseVision } from '$lib/server/vision/endorse-vision';
import type { PublishedVision } from '$lib/server/vision/load-vision';
import type { Actions, PageServerLoad } from './$types';

async function requireVision(
	locals: App.Locals,
	slug: string
): Promise<PublicCommunity & { vision: PublishedVision }> {
	const found = await locals.asUser((tx) => loadPublicCommunity(tx, slug));
	if (!found?.vision) error(404, 'not_found');
	return { ...found, vision: found.vision };
}

export const load = (async ({ locals, params, cookies, url, setHeaders }) => {
	// the page shows this phone's own answers: never from a shared cache
	setHeaders({ 'cache-control': 'no-store' });
	const { community, vision, summary } = await requireVision(locals, params.slug);
	const lang = locals.lang;
	const mine = await locals.asUser((tx) =>
		endorsementByDevice(tx, vision.publication.id, deviceToken(cookies))
	);
	const areaNames = new Map(
		(summary?.summary.priorities ?? []).map((area) => [area.id, localized(area.name, lang)])
	);
	return {
		community: { slug: community.slug, name: localized(community.name, lang) },
		open: vision.publication.open,
		statement: localized(vision.statement, lang),
		goals: vision.goals.map((goal) => ({
			key: goal.key,
			text: localized(goal.text, lang),
			areas: goal.areas.flatMap((id) => areaNames.get(id) ?? [])
		})),
		mine,
		changing: url.searchParams.has('change')
	};
}) satisfies PageServerLoad;

export const actions = {
	endorse: async ({ request, locals, params, cookies, url }) => {
		const { vision } = await requireVision(locals, params.slug);
		const values = formValues(await request.formData());
		const profile = profileFromForm(values);
		if (!profile.ok)
			return fail(400, { errors: { [profile.field]: 'errors.invalid_choice' }, values });
		const result = await locals.asUser((tx) =>
			endorseVision(tx, vision, {
				token: ensureDeviceToken(cookies, url.protocol === 'https:'),
				language: locals.lang,
				endorsement: endorsementFromForm(values),
				profile: profile.profile
			})
		);
		if (!result.ok)
			return fail(result.errors.form === 'vision.errors.closed' ? 409 : 400, {
				errors: result.errors,
				values
			});
		return { saved: result.outcome };
	}
} satisfies Actions;

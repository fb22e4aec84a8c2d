import { fail, redirect } from '@sveltejs/kit';
import {
	censusChoiceSchema,
	MAX_CHOSEN_GEOGRAPHIES,
	parseCensusExtract,
	parseGeographyCodes
} from '$lib/domain/representation/baseline-forms';
import { censusBaselines } from '$lib/domain/representation/census-mapping';
import {
	defaultSourceLabel,
	pickGeographies,
	type CensusExtract
} from '$lib/domain/representation/census-profile';
import { fieldErrors, formError } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { requireCommunity } from '$lib/server/communities/require-community';
import { importCensusProfile } from '$lib/server/representation/import-census-profile';
import { listPopulationBaselines } from '$lib/server/representation/list-population-baselines';
import { readCensusUpload, UploadError } from '$lib/server/representation/read-census-upload';
import type { DemographicDimension } from '$lib/domain/questionnaires/demographics';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ parent }) => {
	const { community } = await parent();
	return { canEdit: community.role === 'owner' || community.role === 'organizer' };
}) satisfies PageServerLoad;

/** What the page shows to choose geographies; built the same way by the page's own script. */
function chooseStep(extract: CensusExtract, fileName: string, sourceLabel: string) {
	const tooMany = extract.geographies.length > MAX_CHOSEN_GEOGRAPHIES;
	return {
		step: 'choose' as const,
		fileName,
		sourceLabel,
		geographies: extract.geographies,
		// Without JavaScript the extract travels in the page; a file with more geographies
		// than that is read again with the chosen codes (see the codes field).
		extractJson: tooMany ? null : JSON.stringify(extract)
	};
}

/** The extract, the chosen geographies and the label, as posted by the choose and preview forms. */
function readChoice(form: FormData) {
	const extract = parseCensusExtract(form.get('extract'));
	const parsed = censusChoiceSchema.safeParse({
		geography: form.getAll('geography'),
		sourceLabel: form.get('sourceLabel') ?? '',
		dimensions: form.getAll('dimension')
	});
	return { extract, parsed, fileName: String(form.get('fileName') ?? '').slice(0, 200) };
}

export const actions = {
	/** Without JavaScript: the file itself, read from the request as it streams in. */
	read: async ({ request, locals }) => {
		let upload;
		try {
			upload = await readCensusUpload(request);
		} catch (error) {
			if (error instanceof UploadError) return fail(400, { errors: { file: error.key } });
			throw error;
		}
		const { reading, fileName, fields } = upload;
		if (!reading.ok)
			return fail(400, {
				errors: formError('baselines.errors.bad_file'),
				problems: reading.problems,
				fileName
			});
		let extract = reading.extract;
		const codes = parseGeographyCodes(fields.get('codes') ?? '');
		if (codes.length > 0) {
			const missing = codes.filter((code) => !extract.geographies.some((g) => g.code === code));
			if (missing.length > 0)
				return fail(400, {
					errors: { codes: 'baselines.errors.unknown_codes' },
					missing: missing.slice(0, 20),
					fileName
				});
			extract = pickGeographies(extract, codes);
		}
		return chooseStep(extract, fileName, defaultSourceLabel(locals.lang, fileName, extract.year));
	},

	/** The counts each dimension would get: nothing is stored yet. */
	preview: async ({ request, locals, params }) => {
		const { extract, parsed, fileName } = readChoice(await request.formData());
		if (!extract) return fail(400, { errors: formError('baselines.errors.bad_request') });
		if (!parsed.success)
			return fail(400, {
				...chooseStep(extract, fileName, defaultSourceLabel(locals.lang, fileName, extract.year)),
				errors: fieldErrors(parsed.error)
			});
		const chosen = pickGeographies(extract, parsed.data.geography);
		if (chosen.geographies.length !== parsed.data.geography.length)
			return fail(400, { errors: formError('baselines.errors.bad_request') });
		const community = await requireCommunity(locals, params.slug);
		const existing = await locals.asUser((tx) => listPopulationBaselines(tx, community.id));
		return {
			step: 'preview' as const,
			fileName,
			sourceLabel: parsed.data.sourceLabel,
			year: chosen.year,
			geographies: chosen.geographies,
			extractJson: JSON.stringify(chosen),
			previews: censusBaselines(chosen, parsed.data.geography),
			existing: existing.map((baseline) => baseline.dimension)
		};
	},

	/** Stores the chosen dimensions in one transaction, replacing their earlier baselines. */
	confirm: async ({ request, locals, params }) => {
		const { extract, parsed } = readChoice(await request.formData());
		if (!extract || !parsed.success)
			return fail(400, { errors: formError('baselines.errors.bad_request') });
		if (parsed.data.dimensions.length === 0)
			return fail(400, { errors: formError('baselines.errors.no_dimension') });
		const community = await requireCommunity(locals, params.slug);
		if (community.role !== 'owner' && community.role !== 'organizer')
			return fail(403, { errors: formError('baselines.errors.not_allowed') });
		const { stored } = await locals.asUser((tx) =>
			importCensusProfile(tx, community.id, locals.user?.id ?? null, {
				extract,
				geographyCodes: parsed.data.geography,
				dimensions: parsed.data.dimensions as DemographicDimension[],
				sourceLabel: parsed.data.sourceLabel
			})
		);
		if (stored.length === 0)
			return fail(400, { errors: formError('baselines.errors.bad_request') });
		redirect(303, `${paths.baselines(locals.lang, community.slug)}?imported=${stored.length}`);
	}
} satisfies Actions;

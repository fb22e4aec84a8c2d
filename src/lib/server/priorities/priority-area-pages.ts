import { fail, type ActionFailure } from '@sveltejs/kit';
import { priorityAreaForm, priorityAreaInput } from '$lib/domain/priorities/forms';
import { formError, formValues, nestedFieldErrors, type FieldErrors } from '$lib/domain/validation';
import type { Tx } from '../db/types';
import { listThemes } from '../coding/list-themes';
import { evidenceByArea } from './area-evidence';
import { listPriorityAreas } from './list-priority-areas';
import { savePriorityArea } from './save-priority-area';

/*
 * The priorities list (create) and one area's page (save) read the same form and show the same
 * evidence: both halves live here once.
 */

/**
 * The community's themes, its priority areas (only `areaId` when given) and each area's
 * evidence, with counts under the community's `suppressionK` hidden.
 */
export async function areasWithEvidence(
	tx: Tx,
	community: { id: string; suppressionK: number },
	areaId?: string
) {
	const themes = await listThemes(tx, community.id);
	const all = await listPriorityAreas(tx, community.id);
	const areas = areaId ? all.filter((area) => area.id === areaId) : all;
	const evidence = await evidenceByArea(tx, community.id, areas, themes, community.suppressionK);
	return { themes, areas, evidence };
}

type AreaFailure = ActionFailure<{
	errors: FieldErrors;
	values: Record<string, string>;
	themeIds: string[];
}>;

/**
 * Reads a posted priority area form and creates the area (no `id`) or changes area `id`, as the
 * signed-in user. Outcomes: { ok: true, id } | { ok: false, failure } where failure is
 * fail(400) with the problems, what was typed and the themes ticked; nothing is stored.
 */
export async function submitPriorityArea(
	locals: App.Locals,
	request: Request,
	target: { communityId: string; id?: string }
): Promise<{ ok: true; id: string } | { ok: false; failure: AreaFailure }> {
	const data = await request.formData();
	const values = formValues(data);
	const input = priorityAreaInput(data);
	const parsed = priorityAreaForm.safeParse(input);
	const refuse = (errors: FieldErrors) => ({
		ok: false as const,
		failure: fail(400, { errors, values, themeIds: input.themeIds })
	});
	if (!parsed.success) return refuse(nestedFieldErrors(parsed.error));
	const result = await locals.asUser((tx) => savePriorityArea(tx, { ...parsed.data, ...target }));
	return result.ok ? result : refuse(formError(result.error));
}

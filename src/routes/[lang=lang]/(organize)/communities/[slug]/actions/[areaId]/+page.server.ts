import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import {
	actionForm,
	actionStatusForm,
	indicatorForm,
	memberForm,
	updateForm,
	updateProblems
} from '$lib/domain/actions/forms';
import { isOverdue, todayIn } from '$lib/domain/actions/progress';
import { canMeasure, canPlan } from '$lib/domain/actions/roles';
import { checkTeam } from '$lib/domain/actions/sectors';
import { bilingualFrom } from '$lib/domain/builder/forms';
import { formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { addAction } from '$lib/server/actions/add-action';
import { addTeamMember } from '$lib/server/actions/add-team-member';
import { createIndicator } from '$lib/server/actions/create-indicator';
import type { Outcome } from '$lib/server/actions/guarded';
import { listActionTeam } from '$lib/server/actions/list-action-team';
import { listActions } from '$lib/server/actions/list-actions';
import { listIndicators } from '$lib/server/actions/list-indicators';
import { listProgressUpdates } from '$lib/server/actions/list-progress-updates';
import { publishProgressUpdate } from '$lib/server/actions/publish-progress-update';
import { removeTeamMember } from '$lib/server/actions/remove-team-member';
import { saveProgressUpdate } from '$lib/server/actions/save-progress-update';
import { setActionStatus } from '$lib/server/actions/set-action-status';
import { requireCommunity } from '$lib/server/communities/require-community';
import type { Tx } from '$lib/server/db/types';
import { listPriorityAreas } from '$lib/server/priorities/list-priority-areas';
import { listVisionVersions } from '$lib/server/vision/load-vision';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent, params }) => {
	const { community } = await parent();
	return locals.asUser(async (tx) => {
		const area = (await listPriorityAreas(tx, community.id)).find((a) => a.id === params.areaId);
		if (!area) error(404, 'not_found');
		const [members, actions, indicators, updates, visions] = await Promise.all([
			listActionTeam(tx, community.id, area.id),
			listActions(tx, community.id, area.id),
			listIndicators(tx, community.id, { areaId: area.id }),
			listProgressUpdates(tx, community.id, { areaId: area.id }),
			listVisionVersions(tx, community.id)
		]);
		// The newest version's goals (keys stay the same across versions), this area's first.
		const goals = (visions[0]?.goals ?? [])
			.filter((goal) => goal.key)
			.map((goal) => ({ key: goal.key, text: goal.text, here: goal.areas.includes(area.id) }))
			.sort((a, b) => Number(b.here) - Number(a.here));
		const today = todayIn();
		return {
			area,
			members,
			check: checkTeam(members),
			actions: actions.map((action) => ({ ...action, overdue: isOverdue(action, today) })),
			indicators,
			updates,
			goals,
			canPlan: canPlan(community.role),
			canMeasure: canMeasure(community.role)
		};
	});
}) satisfies PageServerLoad;

/**
 * One form action: parse the posted fields (the area comes from the address), run one command,
 * and answer with the form's name so the page shows errors beside the right form.
 */
function formAction<S extends z.ZodType>(
	name: string,
	schema: S,
	read: (values: Record<string, string>) => unknown,
	run: (tx: Tx, communityId: string, input: z.output<S>) => Promise<Outcome>
) {
	return async ({ request, locals, params }: Parameters<Actions[string]>[0]) => {
		const community = await requireCommunity(locals, params.slug!);
		const values = formValues(await request.formData());
		const parsed = schema.safeParse(read({ ...values, areaId: params.areaId! }));
		if (!parsed.success)
			return fail(400, { action: name, errors: nestedFieldErrors(parsed.error), values });
		const result = await locals.asUser((tx) => run(tx, community.id, parsed.data));
		if (!result.ok) return fail(400, { action: name, errors: formError(result.error), values });
		return { action: name, done: true };
	};
}

const same = (values: Record<string, string>) => values;
const idForm = z.object({ id: z.uuid('errors.invalid') });

export const actions = {
	addMember: formAction('addMember', memberForm, same, addTeamMember),
	removeMember: formAction('removeMember', idForm, same, (tx, c, input) =>
		removeTeamMember(tx, c, input.id)
	),
	addAction: formAction('addAction', actionForm, same, addAction),
	setStatus: formAction('setStatus', actionStatusForm, same, (tx, c, input) =>
		setActionStatus(tx, c, input.id, input.status)
	),
	addIndicator: formAction(
		'addIndicator',
		indicatorForm,
		(values) => ({ ...values, name: bilingualFrom(values, 'name') }),
		createIndicator
	),
	/**
	 * Saves a new or changed update; with `publish`, refuses first (storing nothing) when a
	 * translation is missing, naming each field, then saves and publishes together.
	 */
	saveUpdate: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		const updateKey = z.uuid().safeParse(values.id).success ? values.id : 'new';
		const refuse = (errors: Record<string, string>) =>
			fail(400, { action: 'saveUpdate', updateKey, errors, values });
		const parsed = updateForm.safeParse({
			areaId: params.areaId,
			goalKey: values.goalKey,
			youSaid: bilingualFrom(values, 'youSaid'),
			weDid: bilingualFrom(values, 'weDid')
		});
		if (!parsed.success) return refuse(nestedFieldErrors(parsed.error));
		const publish = values.publish === '1';
		if (publish) {
			const problems = updateProblems(parsed.data);
			if (Object.keys(problems).length > 0) return refuse(problems);
		}
		const id = updateKey === 'new' ? undefined : updateKey;
		const result = await locals.asUser(async (tx) => {
			const saved = await saveProgressUpdate(tx, community.id, { ...parsed.data, id });
			return saved.ok && publish ? publishProgressUpdate(tx, community.id, saved.id) : saved;
		});
		if (!result.ok) return refuse(formError(result.error));
		return { action: 'saveUpdate', done: true, published: publish };
	}
} satisfies Actions;

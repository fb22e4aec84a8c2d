import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Community } from '$lib/server/communities/get-community';
import {
	openProblems,
	optionForm,
	optionInput,
	paperTalliesForm,
	paperTalliesInput,
	roundSettingsForm,
	roundSettingsInput
} from '$lib/domain/voting/forms';
import { canReadVoteResults, canRunVotes } from '$lib/domain/voting/permissions';
import { formError, formValues, nestedFieldErrors } from '$lib/domain/validation';
import { requireCommunity } from '$lib/server/communities/require-community';
import { addOption } from '$lib/server/voting/add-option';
import { deleteOption } from '$lib/server/voting/delete-option';
import { loadRound } from '$lib/server/voting/load-round';
import type { Refusal } from '$lib/server/voting/refusals';
import {
	loadPaperTallies,
	savePaperTallies,
	takesPaperTallies
} from '$lib/server/voting/save-paper-tallies';
import { setRoundStatus } from '$lib/server/voting/set-round-status';
import { updateOption } from '$lib/server/voting/update-option';
import { updateRound } from '$lib/server/voting/update-round';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function requireRound(locals: App.Locals, community: Community, roundId: string) {
	const round = z.uuid().safeParse(roundId).success
		? await locals.asUser((tx) => loadRound(tx, { id: roundId }))
		: null;
	if (!round || round.communityId !== community.id) error(404, 'not_found');
	return round;
}

export const load = (async ({ locals, params, parent }) => {
	const { community } = await parent();
	const round = await requireRound(locals, community, params.roundId);
	const [ballots, paper] = await locals.asUser(async (tx) => [
		(
			await tx.query<{ count: number }>(
				'select count(*)::int as count from public.ballots where round_id = $1',
				[round.id]
			)
		)[0].count,
		await loadPaperTallies(tx, round.id)
	]);
	return {
		round,
		ballots,
		paper,
		takesPaper: takesPaperTallies(round.method),
		problems: round.status === 'draft' ? openProblems(round) : [],
		canEdit: canRunVotes(community.role),
		canReadResults: canReadVoteResults(community.role)
	};
}) satisfies PageServerLoad;

/** The round of the request, with the posted form as plain values. */
async function posted({ locals, params, request }: RequestEvent) {
	const community = await requireCommunity(locals, params.slug);
	const round = await requireRound(locals, community, params.roundId);
	return { round, values: formValues(await request.formData()) };
}

/** A command's refusal as the form's error, under the form's own name. */
const refused = (form: string, result: Refusal, values: Record<string, string>) =>
	fail(result.error === 'voting.errors.not_allowed' ? 403 : 400, {
		form,
		errors: formError(result.error),
		values
	});

export const actions = {
	settings: async (event) => {
		const { round, values } = await posted(event);
		const parsed = roundSettingsForm(round.method).safeParse(roundSettingsInput(values));
		if (!parsed.success)
			return fail(400, { form: 'settings', errors: nestedFieldErrors(parsed.error), values });
		const result = await event.locals.asUser((tx) => updateRound(tx, round.id, parsed.data));
		return result.ok ? { form: 'settings', saved: true } : refused('settings', result, values);
	},

	addOption: async (event) => {
		const { round, values } = await posted(event);
		const parsed = optionForm.safeParse(optionInput(values));
		if (!parsed.success)
			return fail(400, { form: 'addOption', errors: nestedFieldErrors(parsed.error), values });
		const result = await event.locals.asUser((tx) => addOption(tx, round.id, parsed.data.label));
		return result.ok ? { form: 'addOption', saved: true } : refused('addOption', result, values);
	},

	saveOption: async (event) => {
		const { round, values } = await posted(event);
		const form = `option-${values.optionId ?? ''}`;
		const parsed = optionForm.safeParse(optionInput(values));
		if (!parsed.success)
			return fail(400, { form, errors: nestedFieldErrors(parsed.error), values });
		const result = await event.locals.asUser((tx) =>
			updateOption(tx, round.id, values.optionId ?? '', parsed.data.label)
		);
		return result.ok ? { form, saved: true } : refused(form, result, values);
	},

	deleteOption: async (event) => {
		const { round, values } = await posted(event);
		const result = await event.locals.asUser((tx) =>
			deleteOption(tx, round.id, values.optionId ?? '')
		);
		return result.ok ? { form: 'options', saved: true } : refused('options', result, values);
	},

	status: async (event) => {
		const { round, values } = await posted(event);
		const action = z.enum(['open', 'close', 'reopen']).safeParse(values.action);
		if (!action.success)
			return fail(400, { form: 'status', errors: formError('errors.invalid'), values });
		const result = await event.locals.asUser((tx) => setRoundStatus(tx, round.id, action.data));
		if (result.ok) return { form: 'status', saved: true };
		if ('problems' in result)
			return fail(400, { form: 'status', problems: result.problems, values });
		return refused('status', result, values);
	},

	paper: async (event) => {
		const { round, values } = await posted(event);
		const optionIds = round.options.map((option) => option.id);
		const parsed = paperTalliesForm(optionIds).safeParse(paperTalliesInput(values, optionIds));
		if (!parsed.success) {
			const errors = Object.fromEntries(
				Object.entries(nestedFieldErrors(parsed.error)).map(([id, key]) => [`paper.${id}`, key])
			);
			return fail(400, { form: 'paper', errors, values });
		}
		const result = await event.locals.asUser((tx) =>
			savePaperTallies(tx, round, parsed.data as Record<string, number>)
		);
		return result.ok ? { form: 'paper', saved: true } : refused('paper', result, values);
	}
} satisfies Actions;

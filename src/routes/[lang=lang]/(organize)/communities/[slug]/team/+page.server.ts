import { fail } from '@sveltejs/kit';
import { canInvite, canManageRoles, invitableRoles } from '$lib/domain/communities/roles';
import { inviteForm, memberForm, roleChangeForm } from '$lib/domain/communities/schemas';
import { fieldErrors, formError, type FieldErrors, formValues } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import {
	changeMemberRole,
	removeMember,
	withdrawInvitation,
	type TeamChangeResult
} from '$lib/server/communities/change-member-role';
import { inviteMember } from '$lib/server/communities/invite-member';
import { listTeam } from '$lib/server/communities/list-team';
import { requireCommunity } from '$lib/server/communities/require-community';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, parent }) => {
	const { community } = await parent();
	const team = await locals.asUser((tx) => listTeam(tx, community.id));
	return {
		...team,
		canManage: canManageRoles(community.role),
		invitable: invitableRoles(community.role)
	};
}) satisfies PageServerLoad;

const outcome = (action: string, result: TeamChangeResult) =>
	result.ok ? { action, done: true } : fail(403, { action, errors: formError(result.error) });

export const actions = {
	invite: async ({ request, locals, params, url }) => {
		const community = await requireCommunity(locals, params.slug);
		const values = formValues(await request.formData());
		const parsed = inviteForm.safeParse(values);
		if (!parsed.success) {
			return fail(400, { action: 'invite', errors: fieldErrors(parsed.error), values });
		}
		if (!canInvite(community.role, parsed.data.role)) {
			return fail(403, {
				action: 'invite',
				errors: { role: 'team.errors.cannot_invite_role' } as FieldErrors,
				values
			});
		}
		const { members } = await locals.asUser((tx) => listTeam(tx, community.id));
		if (members.some((member) => member.email.toLowerCase() === parsed.data.email)) {
			return fail(400, {
				action: 'invite',
				errors: { email: 'team.errors.already_member' } as FieldErrors,
				values
			});
		}
		const { token } = await locals.asUser((tx) =>
			inviteMember(tx, { communityId: community.id, ...parsed.data })
		);
		return {
			action: 'invite',
			invited: { email: parsed.data.email, link: url.origin + paths.invitation(locals.lang, token) }
		};
	},

	changeRole: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const parsed = roleChangeForm.safeParse(formValues(await request.formData()));
		if (!parsed.success)
			return fail(400, { action: 'changeRole', errors: fieldErrors(parsed.error) });
		const result = await locals.asUser((tx) =>
			changeMemberRole(tx, { communityId: community.id, ...parsed.data })
		);
		return outcome('changeRole', result);
	},

	remove: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const parsed = memberForm.safeParse(formValues(await request.formData()));
		if (!parsed.success) return fail(400, { action: 'remove', errors: fieldErrors(parsed.error) });
		const result = await locals.asUser((tx) =>
			removeMember(tx, { communityId: community.id, ...parsed.data })
		);
		return outcome('remove', result);
	},

	withdraw: async ({ request, locals, params }) => {
		const community = await requireCommunity(locals, params.slug);
		const parsed = z
			.object({ invitationId: z.uuid('errors.invalid') })
			.safeParse(formValues(await request.formData()));
		if (!parsed.success)
			return fail(400, { action: 'withdraw', errors: fieldErrors(parsed.error) });
		const result = await locals.asUser((tx) =>
			withdrawInvitation(tx, { communityId: community.id, ...parsed.data })
		);
		return outcome('withdraw', result);
	}
} satisfies Actions;

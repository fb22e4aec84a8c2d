import type { CommunityRole } from '$lib/domain/communities/roles';
import { pgError } from '../db/errors';
import type { Tx } from '../db/types';

export type TeamChangeResult = { ok: true } | { ok: false; error: string };

async function guarded(tx: Tx, change: (sp: Tx) => Promise<unknown[]>): Promise<TeamChangeResult> {
	try {
		const rows = await tx.savepoint(change);
		// RLS hides rows a non-owner may not change: nothing updated means not allowed
		return rows.length > 0 ? { ok: true } : { ok: false, error: 'team.errors.not_allowed' };
	} catch (error) {
		if (pgError(error).hint !== 'last_owner') throw error;
		return { ok: false, error: 'team.errors.last_owner' };
	}
}

/** Owners change a member's role; the last owner cannot be demoted. */
export function changeMemberRole(
	tx: Tx,
	input: { communityId: string; userId: string; role: CommunityRole }
): Promise<TeamChangeResult> {
	return guarded(tx, (sp) =>
		sp.query(
			`update public.memberships set role = $3::public.community_role
			where community_id = $1 and user_id = $2 returning user_id`,
			[input.communityId, input.userId, input.role]
		)
	);
}

/** Owners remove a member; the last owner cannot be removed. */
export function removeMember(
	tx: Tx,
	input: { communityId: string; userId: string }
): Promise<TeamChangeResult> {
	return guarded(tx, (sp) =>
		sp.query(
			'delete from public.memberships where community_id = $1 and user_id = $2 returning user_id',
			[input.communityId, input.userId]
		)
	);
}

/** Owners and organizers withdraw an invitation that has not been used. */
export function withdrawInvitation(
	tx: Tx,
	input: { communityId: string; invitationId: string }
): Promise<TeamChangeResult> {
	return guarded(tx, (sp) =>
		sp.query(
			`delete from public.invitations
			where community_id = $1 and id = $2 and accepted_at is null returning id`,
			[input.communityId, input.invitationId]
		)
	);
}

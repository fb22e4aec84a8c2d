import type { CommunityRole } from '$lib/domain/communities/roles';
import { pgError } from '../db/errors';
import type { Queryable } from '../db/types';

export type TeamChangeResult = { ok: true } | { ok: false; error: string };

async function guarded(tx: Queryable, change: () => Promise<unknown[]>): Promise<TeamChangeResult> {
	await tx.query('savepoint team_change');
	try {
		const rows = await change();
		// RLS hides rows a non-owner may not change: nothing updated means not allowed
		return rows.length > 0 ? { ok: true } : { ok: false, error: 'team.errors.not_allowed' };
	} catch (error) {
		if (pgError(error).hint !== 'last_owner') throw error;
		await tx.query('rollback to savepoint team_change');
		return { ok: false, error: 'team.errors.last_owner' };
	}
}

/** Owners change a member's role; the last owner cannot be demoted. */
export function changeMemberRole(
	tx: Queryable,
	input: { communityId: string; userId: string; role: CommunityRole }
): Promise<TeamChangeResult> {
	return guarded(tx, () =>
		tx.query(
			`update public.memberships set role = $3::public.community_role
			where community_id = $1 and user_id = $2 returning user_id`,
			[input.communityId, input.userId, input.role]
		)
	);
}

/** Owners remove a member; the last owner cannot be removed. */
export function removeMember(
	tx: Queryable,
	input: { communityId: string; userId: string }
): Promise<TeamChangeResult> {
	return guarded(tx, () =>
		tx.query(
			'delete from public.memberships where community_id = $1 and user_id = $2 returning user_id',
			[input.communityId, input.userId]
		)
	);
}

/** Owners and organizers withdraw an invitation that has not been used. */
export function withdrawInvitation(
	tx: Queryable,
	input: { communityId: string; invitationId: string }
): Promise<TeamChangeResult> {
	return guarded(tx, () =>
		tx.query(
			`delete from public.invitations
			where community_id = $1 and id = $2 and accepted_at is null returning id`,
			[input.communityId, input.invitationId]
		)
	);
}

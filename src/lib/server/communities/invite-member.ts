import type { CommunityRole } from '$lib/domain/communities/roles';
import { hashToken, newToken } from '../auth/tokens';
import type { Queryable } from '../db/types';

/**
 * Creates an invitation and returns its one-time token for the link (only its hash is stored).
 * RLS refuses a caller who may not invite with that role.
 */
export async function inviteMember(
	tx: Queryable,
	input: { communityId: string; email: string; role: CommunityRole }
): Promise<{ token: string }> {
	const token = newToken();
	await tx.query(
		`insert into public.invitations (community_id, email, role, token_hash, invited_by)
		values ($1, $2, $3::public.community_role, $4, (select auth.uid()))`,
		[input.communityId, input.email, input.role, hashToken(token)]
	);
	return { token };
}

import type { CommunityRole } from '$lib/domain/communities/roles';
import type { Queryable } from '../db/types';

export interface TeamMember {
	userId: string;
	displayName: string;
	email: string;
	role: CommunityRole;
	since: Date;
}

export interface PendingInvitation {
	id: string;
	email: string;
	role: CommunityRole;
	expiresAt: Date;
}

export interface AuditEntry {
	action: string;
	actor: string | null;
	detail: Record<string, unknown>;
	at: Date;
}

/** Team, open invitations and (for owners, by RLS) the recent audit log of one community. */
export async function listTeam(tx: Queryable, communityId: string) {
	const members = await tx.query<TeamMember>(
		`select m.user_id as "userId", p.display_name as "displayName", p.email, m.role,
			m.created_at as since
		from public.memberships m join public.profiles p on p.id = m.user_id
		where m.community_id = $1
		order by array_position(array['owner','organizer','analyst','volunteer']::public.community_role[], m.role),
			p.display_name`,
		[communityId]
	);
	const invitations = await tx.query<PendingInvitation>(
		`select id, email, role, expires_at as "expiresAt" from public.invitations
		where community_id = $1 and accepted_at is null and expires_at > now()
		order by created_at desc`,
		[communityId]
	);
	const audit = await tx.query<AuditEntry>(
		`select a.action, p.display_name as actor, a.detail, a.created_at as at
		from public.audit_log a left join public.profiles p on p.id = a.actor_id
		where a.community_id = $1
		order by a.created_at desc, a.id desc limit 20`,
		[communityId]
	);
	return { members, invitations, audit };
}

export const communityRoles = ['owner', 'organizer', 'analyst', 'volunteer'] as const;
export type CommunityRole = (typeof communityRoles)[number];

export function isCommunityRole(value: unknown): value is CommunityRole {
	return communityRoles.includes(value as CommunityRole);
}

/** Only owners change or remove roles; RLS enforces the same rule in the database. */
export function canManageRoles(actor: CommunityRole): boolean {
	return actor === 'owner';
}

/** Owners invite with any role; organizers with any role but owner. */
export function canInvite(actor: CommunityRole, invited: CommunityRole): boolean {
	if (actor === 'owner') return true;
	return actor === 'organizer' && invited !== 'owner';
}

export function invitableRoles(actor: CommunityRole): CommunityRole[] {
	return communityRoles.filter((role) => canInvite(actor, role));
}

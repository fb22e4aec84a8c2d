import { error } from '@sveltejs/kit';
import type { CommunityRole } from '$lib/domain/communities/roles';

/** Owners, organizers and analysts code and keep the codebook; volunteers do not (RLS agrees). */
export function canCode(role: CommunityRole): boolean {
	return role === 'owner' || role === 'organizer' || role === 'analyst';
}

/** A 403 page for a volunteer who follows a link to a coding page. */
export function requireCoder(community: { role: CommunityRole }): void {
	if (!canCode(community.role)) error(403, 'not_allowed');
}

import type { CommunityRole } from '../communities/roles';

/* The same rules as the events migration's policies, so pages offer only what RLS allows. */

/** Create and edit events, moderate the idea wall. */
export function canRunEvents(role: CommunityRole): boolean {
	return role === 'owner' || role === 'organizer';
}

/** Enter the paper sign-in sheet after the event. */
export function canEnterSheets(role: CommunityRole): boolean {
	return role !== 'analyst';
}

/** See the profiles phones gave. */
export function canReadProfiles(role: CommunityRole): boolean {
	return role !== 'volunteer';
}

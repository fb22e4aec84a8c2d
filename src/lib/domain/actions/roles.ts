import type { CommunityRole } from '../communities/roles';

/** Owners and organizers keep action teams, actions and updates (the policies agree). */
export function canPlan(role: CommunityRole): boolean {
	return role === 'owner' || role === 'organizer';
}

/** Analysts also keep indicators and their values. */
export function canMeasure(role: CommunityRole): boolean {
	return canPlan(role) || role === 'analyst';
}

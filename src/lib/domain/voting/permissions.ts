import type { CommunityRole } from '../communities/roles';

/** Owners and organizers run votes (RLS enforces the same rule in the database). */
export function canRunVotes(role: CommunityRole): boolean {
	return role === 'owner' || role === 'organizer';
}

/** Everyone but volunteers reads ballots, and so results. */
export function canReadVoteResults(role: CommunityRole): boolean {
	return role !== 'volunteer';
}

import type { CommunityRole } from '../communities/roles';

/** Owners and organizers build questionnaires; RLS enforces the same rule in the database. */
export function canEditQuestionnaires(role: CommunityRole): boolean {
	return role === 'owner' || role === 'organizer';
}

/** Everyone but volunteers reads responses (RLS again), and so may see how many there are. */
export function canReadResponses(role: CommunityRole): boolean {
	return role !== 'volunteer';
}

/** Only owners read the contact details residents leave (DESIGN §4); RLS again. */
export function canReadContactDetails(role: CommunityRole): boolean {
	return role === 'owner';
}

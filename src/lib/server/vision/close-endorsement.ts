import type { Tx } from '../db/types';

/**
 * Ends the endorsement round of a publication: residents can no longer answer or change their
 * answers. Outcomes: true | false when there is no open round of this community the caller may
 * close (RLS: owners and organizers).
 */
export async function closeEndorsement(
	tx: Tx,
	communityId: string,
	publicationId: string
): Promise<boolean> {
	const rows = await tx.query(
		`update public.vision_publications set endorsement_closed_at = now()
		where id = $1 and community_id = $2 and endorsement_closed_at is null returning id`,
		[publicationId, communityId]
	);
	return rows.length > 0;
}

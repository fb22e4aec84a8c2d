import {
	endorsementResults,
	type CountedEndorsement,
	type EndorsementResults
} from '$lib/domain/vision/endorsement';
import { profileDimensions } from '$lib/domain/voting/profile';
import type { Queryable } from '../db/types';
import type { VisionPublication } from './load-vision';

/**
 * The endorsement results of a publication for the team, by profile group, suppressed at k, and
 * how many left a comment (the comments themselves are read and coded in the coding queue).
 * RLS shows the rows to owners, organizers and analysts only: anyone else gets empty results.
 */
export async function loadEndorsementResults(
	tx: Queryable,
	publication: VisionPublication,
	goalKeys: readonly string[],
	k: number
): Promise<{ results: EndorsementResults; comments: number | null }> {
	const rows = await tx.query<CountedEndorsement & { comment: string | null }>(
		`select e.statement, e.goals, e.comment,
			coalesce((select jsonb_object_agg(p.dimension, p.value) from public.vision_endorsement_profiles p
				where p.endorsement_id = e.id), '{}') as profile
		from public.vision_endorsements e where e.publication_id = $1`,
		[publication.id]
	);
	const results = endorsementResults(rows, goalKeys, profileDimensions, k);
	const comments = rows.filter((row) => row.comment !== null).length;
	return { results, comments: results.responses === null ? null : comments };
}

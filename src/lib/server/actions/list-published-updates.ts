import type { Queryable } from '../db/types';
import { listProgressUpdates, type ProgressUpdate } from './list-progress-updates';

export type { ProgressUpdate };

/**
 * "You said, we did": a community's published progress updates, newest first, for the public
 * community page and reports. Works as anon. Each names the priority area it answers by id.
 */
export function listPublishedUpdates(
	tx: Queryable,
	communityId: string
): Promise<ProgressUpdate[]> {
	return listProgressUpdates(tx, communityId, { publishedOnly: true });
}

import type { Comparison, Marks } from '$lib/domain/voting';
import type { Queryable } from '../db/types';
import { deviceHash } from './cast-ballot';

export interface DeviceBallot {
	marks: Marks;
	comparisons: Comparison[];
	profile: Record<string, string>;
	updatedAt: Date;
}

/** The ballot this device cast in a round (its receipt, and the form to change it), or null. */
export async function ballotByDevice(
	tx: Queryable,
	roundId: string,
	token: string | undefined
): Promise<DeviceBallot | null> {
	if (!token) return null;
	const [row] = await tx.query<DeviceBallot>(
		`select marks, comparisons, profile, updated_at as "updatedAt"
		from public.ballot_by_device($1, $2)`,
		[roundId, deviceHash(roundId, token)]
	);
	return row ?? null;
}

import { withComparison, type Comparison } from '$lib/domain/voting';
import type { Tx } from '../db/types';
import { ballotByDevice } from './ballot-by-device';
import { castBallot, type CastInput, type CastOutcome } from './cast-ballot';
import type { VoteRound } from './load-round';

/**
 * One answer to "which matters more?": added to this device's pairwise ballot (the same pair
 * answered again replaces the earlier answer), and the ballot cast again. The profile given
 * before is kept unless a new one comes with the answer.
 * Outcomes: those of castBallot (a pair with itself, an unknown option, a closed round…).
 */
export async function answerPair(
	tx: Tx,
	round: VoteRound,
	input: Omit<CastInput, 'ballot'> & { answer: Comparison }
): Promise<CastOutcome> {
	const previous = await ballotByDevice(tx, round.id, input.token);
	const profile = Object.keys(input.profile).length > 0 ? input.profile : (previous?.profile ?? {});
	return castBallot(tx, round, {
		...input,
		profile,
		ballot: withComparison(previous?.comparisons ?? [], input.answer)
	});
}

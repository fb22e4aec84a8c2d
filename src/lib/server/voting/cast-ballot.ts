import { createHash } from 'node:crypto';
import { checkBallot, type BallotChannel } from '$lib/domain/voting';
import type { Lang } from '$lib/i18n/languages';
import { pgError } from '../db/errors';
import type { Tx } from '../db/types';
import { rulesOf, type VoteRound } from './load-round';

/**
 * What the database keeps of a device token: its hash together with the round, so the same phone
 * cannot be followed from one round to the next through the stored hashes.
 */
export function deviceHash(roundId: string, token: string): string {
	return createHash('sha256').update(`${roundId}:${token}`).digest('hex');
}

export interface CastInput {
	/** the random token from this device's cookie */
	token: string;
	channel: BallotChannel;
	language: Lang;
	/** marks by option id, or for pairwise the list of { winner, loser } answered */
	ballot: unknown;
	/** optional short profile: dimension → value, already checked (profileFromForm) */
	profile: Record<string, string>;
}

export type CastOutcome =
	{ ok: true; outcome: 'created' | 'replaced' } | { ok: false; error: string };

/**
 * Casts this device's ballot in a round, or replaces the one it cast before. Callable from any
 * route (the round's own page, an event's page), as the request's user: the database function
 * runs for anyone and checks what only it can.
 * Outcomes: { ok: true, outcome } | { ok: false, error } with a locale key: the ballot breaks the
 * round's rules (checkBallot), 'voting.errors.closed' when the round is not taking ballots,
 * 'voting.errors.unknown_option'. Nothing is stored unless the outcome is ok, and a refused
 * ballot leaves this device's previous ballot as it was.
 */
export async function castBallot(tx: Tx, round: VoteRound, input: CastInput): Promise<CastOutcome> {
	if (!round.isOpen) return { ok: false, error: 'voting.errors.closed' };
	const checked = checkBallot(rulesOf(round), input.ballot);
	if (!checked.ok) return checked;
	try {
		const [row] = await tx.savepoint((sp) =>
			sp.query<{ outcome: 'created' | 'replaced' }>(
				`select public.cast_ballot($1, $2, $3::public.response_channel, $4::public.content_language,
					$5::jsonb, $6::jsonb, $7::jsonb) as outcome`,
				[
					round.id,
					deviceHash(round.id, input.token),
					input.channel,
					input.language,
					JSON.stringify(checked.ballot.marks),
					JSON.stringify(checked.ballot.comparisons),
					JSON.stringify(input.profile)
				]
			)
		);
		return { ok: true, outcome: row.outcome };
	} catch (error) {
		const { hint } = pgError(error);
		if (hint === 'round_closed') return { ok: false, error: 'voting.errors.closed' };
		if (hint === 'unknown_option') return { ok: false, error: 'voting.errors.unknown_option' };
		throw error;
	}
}

import type { DotsSettings, RankingSettings } from '$lib/domain/voting';
import { localized } from '$lib/i18n';
import type { Lang } from '$lib/i18n/languages';
import type { Db, Tx } from '../db/types';
import { ballotByDevice } from '../voting/ballot-by-device';
import { castBallot, type CastOutcome } from '../voting/cast-ballot';
import { loadRound } from '../voting/load-round';
import { eventRoundIds } from './event-rounds';

/** A live vote round as the event page shows it to a phone, with the ballot it cast before. */
export interface EventBallot {
	id: string;
	title: string;
	question: string;
	method: 'dots' | 'ranking' | 'approval';
	dots: DotsSettings | null;
	top: number | null;
	isOpen: boolean;
	options: { id: string; label: string }[];
	/** this phone's marks, when it voted */
	mine: Record<string, number> | null;
}

/** The rounds attached to an event that phones may vote in (opened, not pairwise). */
export async function eventBallots(
	tx: Tx,
	eventId: string,
	token: string | null,
	lang: Lang
): Promise<EventBallot[]> {
	const ballots: EventBallot[] = [];
	for (const id of await eventRoundIds(tx, eventId)) {
		const round = await loadRound(tx, { id });
		if (!round || round.status === 'draft' || round.method === 'pairwise') continue;
		const mine = await ballotByDevice(tx, round.id, token ?? undefined);
		ballots.push({
			id: round.id,
			title: localized(round.title, lang),
			question: localized(round.question, lang),
			method: round.method,
			dots: round.method === 'dots' ? (round.settings as DotsSettings) : null,
			top:
				round.method === 'ranking'
					? Math.min((round.settings as RankingSettings).top, round.options.length)
					: null,
			isOpen: round.isOpen,
			options: round.options.map((option) => ({
				id: option.id,
				label: localized(option.label, lang)
			})),
			mine: mine?.marks ?? null
		});
	}
	return ballots;
}

/**
 * The profile a phone gave at the event, to go with its ballots. Read through the server's own
 * connection (the phone wrote it; nobody else reads it here), before the request's transaction:
 * the embedded database has one connection, which a transaction holds.
 */
export async function eventProfileOf(
	db: Db,
	eventId: string,
	deviceHash: string
): Promise<Record<string, string>> {
	const rows = await db.query<{ dimension: string; value: string }>(
		`select dimension, value from public.event_profile_answers
		where event_id = $1 and device_hash = $2`,
		[eventId, deviceHash]
	);
	return Object.fromEntries(rows.map((row) => [row.dimension, row.value]));
}

/**
 * A phone's ballot in one of the event's rounds, cast by the voting area's castBallot with
 * channel 'event' and the profile this phone gave at the event (eventProfileOf).
 * Outcomes: castBallot's, or { ok: false, error: 'events.errors.not_found' } when the round is
 * not one of this event's.
 */
export async function castEventBallot(
	tx: Tx,
	input: {
		eventId: string;
		roundId: string;
		token: string;
		language: Lang;
		ballot: unknown;
		profile: Record<string, string>;
	}
): Promise<CastOutcome> {
	if (!(await eventRoundIds(tx, input.eventId)).includes(input.roundId))
		return { ok: false, error: 'events.errors.not_found' };
	const round = await loadRound(tx, { id: input.roundId });
	if (!round) return { ok: false, error: 'events.errors.not_found' };
	return castBallot(tx, round, {
		token: input.token,
		channel: 'event',
		language: input.language,
		ballot: input.ballot,
		profile: input.profile
	});
}

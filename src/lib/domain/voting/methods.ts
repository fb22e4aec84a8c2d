import { z } from 'zod';

/**
 * Voting methods: a closed list, matching the SQL enum public.vote_method. Each method's settings
 * are stored as jsonb on the round and validated by the same schema before they are stored.
 */
export const voteMethods = ['dots', 'ranking', 'approval', 'pairwise'] as const;
export type VoteMethod = (typeof voteMethods)[number];

export const roundStatuses = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** Where a ballot was cast. Paper ballots arrive as tallies per option, not as ballots. */
export const ballotChannels = ['online', 'event', 'kiosk'] as const;
export type BallotChannel = (typeof ballotChannels)[number];

export const MAX_DOTS = 50;
export const MAX_OPTIONS = 30;

const int = (min: number, max: number) =>
	z.coerce
		.number({ message: 'voting.errors.whole_number' })
		.int('voting.errors.whole_number')
		.min(min, 'voting.errors.out_of_range')
		.max(max, 'voting.errors.out_of_range');

/** dots: how many dots each person places; cap: at most this many on one option. */
export const dotsSettings = z
	.object({ dots: int(1, MAX_DOTS), cap: int(1, MAX_DOTS) })
	.refine((s) => s.cap <= s.dots, { message: 'voting.errors.cap_above_dots', path: ['cap'] });
/** top: how many options a person ranks at most (the rest stay unranked). */
export const rankingSettings = z.object({ top: int(1, MAX_OPTIONS) });
export const noSettings = z.object({});

export const methodSettings = {
	dots: dotsSettings,
	ranking: rankingSettings,
	approval: noSettings,
	pairwise: noSettings
} as const;

export type DotsSettings = z.infer<typeof dotsSettings>;
export type RankingSettings = z.infer<typeof rankingSettings>;
export type RoundSettings = DotsSettings | RankingSettings | Record<string, never>;

export const defaultSettings = {
	dots: { dots: 5, cap: 3 },
	ranking: { top: 3 },
	approval: {},
	pairwise: {}
} as const satisfies Record<VoteMethod, RoundSettings>;

/** The settings of a round with the given method, or null when they do not fit it. */
export function parseSettings(method: VoteMethod, settings: unknown): RoundSettings | null {
	const parsed = methodSettings[method].safeParse(settings);
	return parsed.success ? (parsed.data as RoundSettings) : null;
}

/** What a page or the tally needs to know about a round to check or count a ballot. */
export interface RoundRules {
	method: VoteMethod;
	settings: RoundSettings;
	/** every option's id, in the round's order */
	optionIds: readonly string[];
}

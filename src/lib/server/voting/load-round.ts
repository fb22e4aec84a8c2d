import type { Bilingual } from '$lib/domain/questionnaires/bilingual';
import type { RoundRules, RoundSettings, RoundStatus, VoteMethod } from '$lib/domain/voting';
import type { Queryable } from '../db/types';

export interface VoteOption {
	id: string;
	label: Bilingual;
	priorityAreaId: string | null;
}

export interface VoteRound {
	id: string;
	communityId: string;
	slug: string;
	title: Bilingual;
	question: Bilingual;
	method: VoteMethod;
	settings: RoundSettings;
	status: RoundStatus;
	/** taking ballots now (status and dates) */
	isOpen: boolean;
	options: VoteOption[];
}

/**
 * A round with its options, as the caller may see it (RLS: members see their community's rounds;
 * anyone sees a round once opened), by id or by the slug residents use; null when not visible.
 */
export async function loadRound(
	tx: Queryable,
	by: { id: string } | { slug: string }
): Promise<VoteRound | null> {
	const [round] = await tx.query<Omit<VoteRound, 'options'>>(
		`select r.id, r.community_id as "communityId", r.slug, r.title, r.question, r.method,
			r.settings, r.status, public.vote_round_is_open(r.id) as "isOpen"
		from public.vote_rounds r where ${'id' in by ? 'r.id::text = $1' : 'r.slug = $1'}`,
		['id' in by ? by.id : by.slug]
	);
	if (!round) return null;
	const options = await tx.query<VoteOption>(
		`select id, label, priority_area_id as "priorityAreaId" from public.vote_options
		where round_id = $1 order by position, id`,
		[round.id]
	);
	return { ...round, options };
}

/** What checking and counting ballots needs of a round. */
export function rulesOf(round: VoteRound): RoundRules {
	return {
		method: round.method,
		settings: round.settings,
		optionIds: round.options.map((option) => option.id)
	};
}

/**
 * What a community heard, as the report and the public community page show it: participation
 * by channel and language, representation against the census, priority areas with their
 * evidence, and vote results. Built from what the team's own queries return (the representation
 * dashboard, area evidence, round results), with every count of people already suppressed at
 * the community's k, so the same object can be printed for council or stored for the public
 * page without anything under k in it. Plain JSON: it is stored as published.
 */
import type { Dashboard } from '../representation/dashboard';
import type { Bilingual } from '../questionnaires/bilingual';
import type { ResponseChannel } from '../results/filters';
import { groupIsShown } from '../suppression/suppress';
import type { RoundResults } from '../voting/tally';

export interface SummaryGroup {
	value: string;
	/** null when suppressed */
	participants: number | null;
	/** share of participants and of the population, 0–1 */
	participantShare: number | null;
	populationShare: number | null;
	/** participants' share over the population's; under the community's threshold is flagged */
	ratio: number | null;
	flagged: boolean;
}

export interface CommunitySummary {
	k: number;
	generatedAt: string;
	participation: {
		participants: number | null;
		channels: { channel: ResponseChannel; count: number | null }[];
		languages: SummaryGroup[];
	};
	representation: { dimension: string; hasBaseline: boolean; groups: SummaryGroup[] }[];
	methods: {
		questionnaires: {
			title: Bilingual;
			opensAt: string | null;
			closesAt: string | null;
			responses: number | null;
		}[];
		baselines: {
			dimension: string;
			source: string;
			sourceLabel: string | null;
			year: number | null;
		}[];
	};
	priorities: {
		id: string;
		name: Bilingual;
		participants: number | null;
		mentions: number | null;
	}[];
	votes: {
		title: Bilingual;
		method: string;
		ballots: number | null;
		options: { label: Bilingual; score: number | null; supporters: number | null }[];
	}[];
}

type DimensionGroups = Extract<Dashboard, { shown: true }>['language']['groups'];

function groups(shown: DimensionGroups): SummaryGroup[] {
	return shown.map((group) =>
		group.suppressed
			? {
					value: group.value,
					participants: null,
					participantShare: null,
					populationShare: group.populationShare,
					ratio: null,
					flagged: false
				}
			: {
					value: group.value,
					participants: group.participants,
					participantShare: group.participantShare,
					populationShare: group.populationShare,
					ratio: group.ratio,
					flagged: group.flagged
				}
	);
}

const iso = (date: Date | string | null) => (date ? new Date(date).toISOString() : null);

export interface SummaryInput {
	k: number;
	now: Date;
	dashboard: Dashboard | null;
	questionnaires: readonly {
		title: Bilingual;
		status: string;
		opensAt: Date | null;
		closesAt: Date | null;
		responses: number;
	}[];
	baselines: readonly {
		dimension: string;
		source: string;
		sourceLabel: string | null;
		year: number | null;
	}[];
	areas: readonly { id: string; name: Bilingual; participants: number; mentions: number }[];
	rounds: readonly {
		title: Bilingual;
		method: string;
		options: readonly { id: string; label: Bilingual }[];
		results: RoundResults;
	}[];
}

/** The summary, every count of fewer than k people (and the cells that would reveal one) hidden. */
export function buildSummary(input: SummaryInput): CommunitySummary {
	const { k, dashboard } = input;
	const shown = (count: number) => (groupIsShown(count, k) ? count : null);
	return {
		k,
		generatedAt: input.now.toISOString(),
		participation: {
			participants: dashboard ? dashboard.participants : null,
			channels:
				dashboard?.shown === true
					? dashboard.channels
							.filter((row) => row.suppressed || (row.count ?? 0) > 0)
							.map((row) => ({ channel: row.channel, count: row.count }))
					: [],
			languages: dashboard?.shown === true ? groups(dashboard.language.groups) : []
		},
		representation:
			dashboard?.shown === true
				? dashboard.dimensions.map((view) => ({
						dimension: view.key,
						hasBaseline: view.hasBaseline,
						groups: groups(view.groups)
					}))
				: [],
		methods: {
			questionnaires: input.questionnaires
				.filter((q) => q.status !== 'draft')
				.map((q) => ({
					title: q.title,
					opensAt: iso(q.opensAt),
					closesAt: iso(q.closesAt),
					responses: shown(q.responses)
				})),
			baselines: input.baselines.map(({ dimension, source, sourceLabel, year }) => ({
				dimension,
				source,
				sourceLabel,
				year
			}))
		},
		priorities: input.areas.map((area) => {
			const visible = groupIsShown(area.participants, k);
			return {
				id: area.id,
				name: area.name,
				participants: visible ? area.participants : null,
				mentions: visible ? area.mentions : null
			};
		}),
		votes: input.rounds.map((round) => ({
			title: round.title,
			method: round.method,
			ballots: shown(round.results.ballots),
			options: round.results.options.map((result) => ({
				label: round.options.find((o) => o.id === result.optionId)?.label ?? { en: '', fr: '' },
				score: round.results.ballots >= k ? result.score : null,
				supporters: result.supporters
			}))
		}))
	};
}

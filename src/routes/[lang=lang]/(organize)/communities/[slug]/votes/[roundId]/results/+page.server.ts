import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { inLanguage } from '$lib/domain/builder/describe';
import { canReadVoteResults } from '$lib/domain/voting/permissions';
import { profileDimensions } from '$lib/domain/voting/profile';
import { groupIsShown } from '$lib/domain/suppression/suppress';
import { translator } from '$lib/i18n';
import { loadRound } from '$lib/server/voting/load-round';
import { demographicDimension } from '$lib/domain/questionnaires';
import { parseWeighting } from '$lib/domain/weighting/choice';
import { weightableProfileDimensions } from '$lib/domain/weighting/vote-round';
import { listPopulationBaselines } from '$lib/server/representation/list-population-baselines';
import { weightedRoundResults } from '$lib/server/voting/weighted-round';
import type { Breakdown } from '$lib/domain/voting/tally';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, parent, url }) => {
	const { community } = await parent();
	const round = z.uuid().safeParse(params.roundId).success
		? await locals.asUser((tx) => loadRound(tx, { id: params.roundId }))
		: null;
	if (!round || round.communityId !== community.id) error(404, 'not_found');
	const lang = locals.lang;
	const t = translator(lang);
	const label = (id: string) =>
		inLanguage(round.options.find((option) => option.id === id)?.label, lang);
	const base = {
		round: {
			id: round.id,
			slug: round.slug,
			title: inLanguage(round.title, lang),
			method: round.method,
			status: round.status
		},
		k: community.suppressionK
	};
	if (!canReadVoteResults(community.role)) return { ...base, allowed: false as const };

	const { results, paper, weighted, available, chosen } = await locals.asUser(async (tx) => {
		const baselines = await listPopulationBaselines(tx, community.id);
		const available = weightableProfileDimensions(baselines.map((b) => b.dimension));
		const chosen = parseWeighting(url.searchParams, available);
		const outcome = await weightedRoundResults(tx, round, {
			k: community.suppressionK,
			dimensions: chosen,
			baselines
		});
		return { ...outcome, available, chosen };
	});
	const present = (breakdown: Breakdown, groupLabel: (key: string) => string) => ({
		disagree: breakdown.disagree,
		groups: breakdown.groups.map((group) => ({
			key: group.key,
			label: groupLabel(group.key),
			ballots: group.ballots,
			suppressed: group.suppressed,
			top: group.top?.map(label) ?? null
		}))
	});
	const paperTotal = Object.values(paper).reduce((sum, count) => sum + count, 0);
	return {
		...base,
		allowed: true as const,
		ballots: results.ballots,
		/** too few people for anything to be shown (DESIGN §4) */
		shown: groupIsShown(results.ballots, community.suppressionK),
		paperTotal,
		options: results.options
			.map((option) => ({ ...option, label: label(option.optionId) }))
			.sort((a, b) => (b.score ?? -1) - (a.score ?? -1)),
		top: results.top.map(label),
		weighting: {
			available: available.map((dimension) => ({
				dimension,
				label: demographicDimension(dimension).label
			})),
			chosen: chosen as string[],
			// the summary or the refusal, for the weighting panel; the options below
			outcome: weighted?.ok ? { ok: true as const, summary: weighted.summary } : weighted,
			options: weighted?.ok
				? weighted.options.map((option) => ({ ...option, label: label(option.optionId) }))
				: []
		},
		byChannel: present(results.byChannel, (key) => t(`voting.channels.${key}`)),
		byProfile: profileDimensions.map((dimension) => ({
			dimension,
			title: t(`demographics.${dimension}.label`),
			...present(results.byProfile[dimension], (key) =>
				key === 'prefer_not_to_say'
					? t('demographics.prefer_not_to_say')
					: t(`demographics.${dimension}.options.${key}`)
			)
		}))
	};
}) satisfies PageServerLoad;

import { error, fail } from '@sveltejs/kit';
import {
	marksFromForm,
	nextPair,
	profileFromForm,
	type DotsSettings,
	type RankingSettings
} from '$lib/domain/voting';
import { formValues } from '$lib/domain/validation';
import { localized } from '$lib/i18n';
import { deviceToken, ensureDeviceToken } from '$lib/server/events/device-token';
import { answerPair } from '$lib/server/voting/answer-pair';
import { ballotByDevice } from '$lib/server/voting/ballot-by-device';
import { castBallot } from '$lib/server/voting/cast-ballot';
import { loadRound, type VoteRound } from '$lib/server/voting/load-round';
import type { Actions, PageServerLoad } from './$types';

// Residents vote from phones on weak networks: the page is server-rendered only and every
// control (dot steppers, ranking selects, pairs) is a plain form post, so no client runtime,
// i18next or locale file is downloaded (the questionnaire page does the same).
export const csr = false;

async function requireRound(locals: App.Locals, slug: string): Promise<VoteRound> {
	const round = await locals.asUser((tx) => loadRound(tx, { slug }));
	if (!round) error(404, 'not_found');
	return round;
}

/** "a.b": the pair just skipped, so that the next one is another. */
function skipped(text: string | null): [string, string] | undefined {
	const [a, b] = text?.split('.') ?? [];
	return a && b ? [a, b] : undefined;
}

export const load = (async ({ locals, params, cookies, url, setHeaders }) => {
	// The page shows this phone's own ballot: a shared cache must never hand it to another.
	setHeaders({ 'cache-control': 'no-store' });
	const round = await requireRound(locals, params.slug);
	const lang = locals.lang;
	const mine = await locals.asUser((tx) =>
		ballotByDevice(tx, round.id, deviceToken(cookies) ?? undefined)
	);
	const optionIds = round.options.map((option) => option.id);
	return {
		round: {
			slug: round.slug,
			title: localized(round.title, lang),
			question: localized(round.question, lang),
			method: round.method,
			dots: round.method === 'dots' ? (round.settings as DotsSettings) : null,
			top:
				round.method === 'ranking'
					? Math.min((round.settings as RankingSettings).top, optionIds.length)
					: null,
			status: round.status,
			isOpen: round.isOpen,
			options: round.options.map((option) => ({
				id: option.id,
				label: localized(option.label, lang)
			}))
		},
		mine: mine && { marks: mine.marks, pairs: mine.comparisons.length, profile: mine.profile },
		pair:
			round.method === 'pairwise' && round.isOpen
				? nextPair(
						optionIds,
						mine?.comparisons ?? [],
						Math.random,
						skipped(url.searchParams.get('skip'))
					)
				: null,
		changing: url.searchParams.has('change')
	};
}) satisfies PageServerLoad;

export const actions = {
	/** Dots, ranking or approval: the whole ballot, cast or replacing this phone's earlier one. */
	cast: async ({ request, locals, params, cookies, url }) => {
		const round = await requireRound(locals, params.slug);
		const values = formValues(await request.formData());
		const profile = profileFromForm(values);
		if (!profile.ok)
			return fail(400, { errors: { [profile.field]: 'errors.invalid_choice' }, values });
		const result = await locals.asUser((tx) =>
			castBallot(tx, round, {
				token: ensureDeviceToken(cookies, url.protocol === 'https:'),
				channel: 'online',
				language: locals.lang,
				ballot: marksFromForm(values),
				profile: profile.profile
			})
		);
		if (!result.ok)
			return fail(result.error === 'voting.errors.closed' ? 409 : 400, {
				errors: { form: result.error },
				values
			});
		return { cast: result.outcome };
	},

	/**
	 * The − and + of dot voting without JavaScript: the same form back with one more or one
	 * less dot on an option. Nothing is saved.
	 */
	adjust: async ({ request }) => {
		const values = formValues(await request.formData());
		const [option, change] = (values.adjust ?? '').split(':');
		const name = `mark.${option}`;
		if (option && name in values) {
			const current = Number(values[name]) || 0;
			values[name] = String(Math.max(0, current + (change === 'up' ? 1 : -1)));
		}
		return { values };
	},

	/** "Which matters more?": one answer, added to this phone's pairwise ballot. */
	pair: async ({ request, locals, params, cookies, url }) => {
		const round = await requireRound(locals, params.slug);
		const values = formValues(await request.formData());
		const { a = '', b = '', winner = '' } = values;
		const profile = profileFromForm(values);
		if (!profile.ok)
			return fail(400, { errors: { [profile.field]: 'errors.invalid_choice' }, values });
		if (winner !== a && winner !== b)
			return fail(400, { errors: { form: 'voting.errors.malformed' }, values });
		const result = await locals.asUser((tx) =>
			answerPair(tx, round, {
				token: ensureDeviceToken(cookies, url.protocol === 'https:'),
				channel: 'online',
				language: locals.lang,
				profile: profile.profile,
				answer: { winner, loser: winner === a ? b : a }
			})
		);
		if (!result.ok)
			return fail(result.error === 'voting.errors.closed' ? 409 : 400, {
				errors: { form: result.error },
				values
			});
		return { answered: true };
	}
} satisfies Actions;

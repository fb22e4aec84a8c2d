import type { Tx } from '../db/types';

/** The demo community's open vote: five candidate priorities, dot voting, no ballots yet. */
export const DEMO_ROUND_SLUG = 'vanier-priorities';

const options: [string, string][] = [
	['Affordable housing', 'Logement abordable'],
	['Safer streets and crossings', 'Rues et traverses plus sûres'],
	['Parks and green spaces', 'Parcs et espaces verts'],
	['Activities for young people', 'Activités pour les jeunes'],
	['Access to healthy food', 'Accès à une alimentation saine']
];

export async function seedDemoRound(tx: Tx, communityId: string, ownerId: string) {
	const [round] = await tx.query<{ id: string }>(
		`insert into public.vote_rounds (community_id, slug, title, question, method, settings, status, created_by)
		values ($1, $2, $3::jsonb, $4::jsonb, 'dots', '{"dots": 5, "cap": 3}', 'open', $5)
		on conflict (slug) do nothing returning id`,
		[
			communityId,
			DEMO_ROUND_SLUG,
			JSON.stringify({ en: 'Vanier priorities 2026', fr: 'Priorités de Vanier 2026' }),
			JSON.stringify({
				en: 'Where should the neighbourhood put its effort first?',
				fr: 'Où le quartier devrait-il mettre ses efforts en premier\u00a0?'
			}),
			ownerId
		]
	);
	if (!round) return;
	for (const [index, [en, fr]] of options.entries())
		await tx.query(
			'insert into public.vote_options (round_id, position, label) values ($1, $2, $3::jsonb)',
			[round.id, index + 1, JSON.stringify({ en, fr })]
		);
}

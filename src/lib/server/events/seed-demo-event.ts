import { newToken } from '../auth/tokens';
import type { Tx } from '../db/types';

/**
 * The demo community's town hall: open, with the demo questionnaire and a live dot vote of its
 * own, and a fixed code so that the demo poster, the guide and the tests can name it.
 */
export const DEMO_EVENT_CODE = 'HALL26';
export const DEMO_EVENT_ROUND_SLUG = 'vanier-town-hall';
const DEMO_QUESTIONNAIRE_SLUG = 'vanier-2026';

const options: [string, string][] = [
	['A weekly farmers’ market', 'Un marché fermier chaque semaine'],
	['Lighting on the river path', 'De l’éclairage sur le sentier de la rivière'],
	['A free summer day camp', 'Un camp de jour d’été gratuit']
];

export async function seedDemoEvent(tx: Tx, communityId: string, ownerId: string) {
	const [event] = await tx.query<{ id: string }>(
		`insert into public.events (community_id, kind, title, held_on, place, questionnaire_id,
			join_code, presenter_key, display, created_by)
		values ($1, 'town_hall', $2::jsonb, current_date, 'Centre communautaire Richelieu-Vanier',
			(select id from public.questionnaires where slug = $3), $4, $6, 'both', $5)
		on conflict (join_code) do nothing returning id`,
		[
			communityId,
			JSON.stringify({ en: 'Vanier town hall', fr: 'Assemblée publique de Vanier' }),
			DEMO_QUESTIONNAIRE_SLUG,
			DEMO_EVENT_CODE,
			ownerId,
			newToken()
		]
	);
	if (!event) return;
	const [round] = await tx.query<{ id: string }>(
		`insert into public.vote_rounds (community_id, slug, title, question, method, settings,
			status, created_by, event_id)
		values ($1, $2, $3::jsonb, $4::jsonb, 'dots', '{"dots": 3, "cap": 3}', 'open', $5, $6)
		on conflict (slug) do nothing returning id`,
		[
			communityId,
			DEMO_EVENT_ROUND_SLUG,
			JSON.stringify({ en: 'Tonight’s vote', fr: 'Le vote de ce soir' }),
			JSON.stringify({
				en: 'Which project should we start with?',
				fr: 'Par quel projet devrions-nous commencer\u00a0?'
			}),
			ownerId,
			event.id
		]
	);
	if (!round) return;
	for (const [position, [en, fr]] of options.entries())
		await tx.query(
			`insert into public.vote_options (round_id, position, label) values ($1, $2, $3::jsonb)`,
			[round.id, position, JSON.stringify({ en, fr })]
		);
}

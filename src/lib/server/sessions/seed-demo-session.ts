import type { Tx } from '../db/types';

const GUIDE_ID = '00000000-0000-4000-8000-000000000401';
const SESSION_ID = '00000000-0000-4000-8000-000000000411';

const prompts = [
	{
		en: 'What do you like most about living in Vanier?',
		fr: 'Qu’aimez-vous le plus de la vie à Vanier ?'
	},
	{
		en: 'What is hard about getting around?',
		fr: 'Qu’est-ce qui est difficile pour vous déplacer ?'
	},
	{
		en: 'If you could change one thing, what would it be?',
		fr: 'Si vous pouviez changer une chose, laquelle ?'
	}
];

/** [prompt index, kind, language, text, translation] */
const notes: [number, 'quote' | 'summary', 'en' | 'fr', string, string][] = [
	[
		0,
		'quote',
		'fr',
		'On se connaît tous sur la rue, les voisins s’entraident.',
		'We all know each other on the street; neighbours help each other.'
	],
	[
		0,
		'summary',
		'en',
		'Several people value the community centre and the library.',
		'Plusieurs personnes tiennent au centre communautaire et à la bibliothèque.'
	],
	[
		1,
		'quote',
		'en',
		'The bus stops running before my shift ends.',
		'L’autobus arrête de passer avant la fin de mon quart de travail.'
	],
	[
		1,
		'summary',
		'fr',
		'Les trottoirs ne sont pas déneigés assez vite pour les poussettes et les fauteuils roulants.',
		''
	],
	[
		2,
		'quote',
		'fr',
		'Un marché de fruits et légumes abordable, près de chez nous.',
		'An affordable fruit and vegetable market close to home.'
	]
];

/**
 * The demo community's discussion guide and one focus group with its attendee tally and a few
 * notes in both languages, so the session pages have something to show on a fresh start.
 */
export async function seedDemoSession(tx: Tx, communityId: string, organizerId: string) {
	await tx.query(
		`insert into public.discussion_guides (id, community_id, title, created_by)
		values ($1, $2, $3::jsonb, $4)`,
		[
			GUIDE_ID,
			communityId,
			JSON.stringify({ en: 'Living in Vanier', fr: 'Vivre à Vanier' }),
			organizerId
		]
	);
	await tx.query(
		`insert into public.guide_prompts (guide_id, position, prompt)
		select $1, p.n - 1, p.prompt from jsonb_array_elements($2::jsonb) with ordinality as p(prompt, n)`,
		[GUIDE_ID, JSON.stringify(prompts)]
	);
	const ordered = await tx.query<{ id: string }>(
		`select id from public.guide_prompts where guide_id = $1 order by position`,
		[GUIDE_ID]
	);
	await tx.query(
		`insert into public.listening_sessions (id, community_id, kind, held_on, place, language,
			facilitator_id, attendees, consent_noted, guide_id, created_by)
		values ($1, $2, 'focus_group', '2026-03-14', 'Centre communautaire Vanier', 'fr', $3, 12, true, $4, $3)`,
		[SESSION_ID, communityId, organizerId, GUIDE_ID]
	);
	await tx.query(
		`insert into public.session_attendee_counts (session_id, dimension, value, attendees) values
		($1, 'gender', 'woman', 7), ($1, 'gender', 'man', 4), ($1, 'gender', 'prefer_not_to_say', 1),
		($1, 'first_official_language', 'french', 8), ($1, 'first_official_language', 'english', 3),
		($1, 'age_group', '25_34', 3), ($1, 'age_group', '35_44', 4), ($1, 'age_group', '65_74', 3)`,
		[SESSION_ID]
	);
	for (const [i, [prompt, kind, language, text, translation]] of notes.entries()) {
		await tx.query(
			`insert into public.session_notes (session_id, community_id, prompt_id, kind, language, body,
				created_by, created_at)
			values ($1, $2, $3, $4, $5, $6::jsonb, $7, now() + $8 * interval '1 second')`,
			[
				SESSION_ID,
				communityId,
				ordered[prompt].id,
				kind,
				language,
				JSON.stringify({ [language]: text, [language === 'en' ? 'fr' : 'en']: translation }),
				organizerId,
				i
			]
		);
	}
}

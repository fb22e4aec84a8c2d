import type { Tx } from '../db/types';

type Pair = [string, string];
/** code, parent code, name [en, fr], keywords [en, fr] */
const THEMES: [string, string | null, Pair, [string[], string[]]][] = [
	[
		'housing',
		null,
		['Housing', 'Logement'],
		[
			['housing', 'home', 'apartment'],
			['logement', 'maison', 'appartement']
		]
	],
	[
		'rent',
		'housing',
		['Rent and housing costs', 'Loyers et coût du logement'],
		[
			['rent', 'landlord', 'afford'],
			['loyer', 'propriétaire', 'abordable']
		]
	],
	[
		'repairs',
		'housing',
		['Repairs and upkeep', 'Réparations et entretien'],
		[
			['repair', 'mould', 'heating'],
			['réparation', 'moisissure', 'chauffage']
		]
	],
	[
		'transit',
		null,
		['Getting around', 'Se déplacer'],
		[
			['bus', 'transit', 'bike'],
			['autobus', 'transport', 'vélo']
		]
	],
	[
		'safety',
		null,
		['Safety', 'Sécurité'],
		[
			['safety', 'streetlight', 'night'],
			['sécurité', 'lampadaire', 'nuit']
		]
	],
	[
		'parks',
		null,
		['Parks and green spaces', 'Parcs et espaces verts'],
		[
			['park', 'tree', 'playground'],
			['parc', 'arbre', 'jeux']
		]
	],
	[
		'community-life',
		null,
		['Community life', 'Vie de quartier'],
		[
			['festival', 'neighbour', 'event'],
			['fête', 'voisin', 'activité']
		]
	]
];

/**
 * A small bilingual demo codebook and one candidate priority area, so the coding pages have
 * something to show on a fresh start. Written through the server's own connection, as the rest
 * of the demo seed.
 */
export async function seedDemoCodebook(tx: Tx, communityId: string, profileId: string) {
	const ids = new Map<string, string>();
	for (const [position, [code, parent, name, keywords]] of THEMES.entries()) {
		const [row] = await tx.query<{ id: string }>(
			`insert into public.themes (community_id, parent_id, code, name, keywords, position, created_by)
			values ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7) returning id`,
			[
				communityId,
				parent ? ids.get(parent) : null,
				code,
				JSON.stringify({ en: name[0], fr: name[1] }),
				JSON.stringify({ en: keywords[0], fr: keywords[1] }),
				position,
				profileId
			]
		);
		ids.set(code, row.id);
	}
	const [area] = await tx.query<{ id: string }>(
		`insert into public.priority_areas (community_id, name, description, created_by)
		values ($1, $2::jsonb, $3::jsonb, $4) returning id`,
		[
			communityId,
			JSON.stringify({
				en: 'Affordable, well-kept homes',
				fr: 'Des logements abordables et bien entretenus'
			}),
			JSON.stringify({
				en: 'What residents say about rents, repairs and finding a home.',
				fr: 'Ce que les résidents disent des loyers, des réparations et de la recherche d’un logement.'
			}),
			profileId
		]
	);
	await tx.query(
		'insert into public.priority_area_themes (community_id, area_id, theme_id) values ($1, $2, $3)',
		[communityId, area.id, ids.get('housing')]
	);
}

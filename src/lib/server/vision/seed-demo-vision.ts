import type { Tx } from '../db/types';

/**
 * The demo community's first vision draft (version 1, not published): a statement and two
 * goals, the first answering the demo's priority area, so organizers have something to edit,
 * compare and publish.
 */
export async function seedDemoVision(tx: Tx, communityId: string, ownerId: string) {
	const [existing] = await tx.query(
		'select 1 from public.vision_versions where community_id = $1 limit 1',
		[communityId]
	);
	if (existing) return;
	const areas = await tx.query<{ id: string }>(
		'select id from public.priority_areas where community_id = $1 order by position, created_at limit 1',
		[communityId]
	);
	const goals = [
		{
			key: 'g1',
			text: {
				en: 'Everyone in Vanier can find an affordable, well-kept home.',
				fr: 'Tout le monde à Vanier peut trouver un logement abordable et bien entretenu.'
			},
			areas: areas.map((area) => area.id)
		},
		{
			key: 'g2',
			text: {
				en: 'Streets where children and older people walk safely.',
				fr: 'Des rues où les enfants et les personnes âgées marchent en sécurité.'
			},
			areas: []
		}
	];
	await tx.query(
		`insert into public.vision_versions (community_id, number, statement, goals, created_by)
		values ($1, 1, $2::jsonb, $3::jsonb, $4)`,
		[
			communityId,
			JSON.stringify({
				en: 'A Vanier where every resident has a home, a voice and a safe street to walk.',
				fr: 'Un Vanier où chaque résident a un toit, une voix et une rue sûre où marcher.'
			}),
			JSON.stringify(goals),
			ownerId
		]
	);
}

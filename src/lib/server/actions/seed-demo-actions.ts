import type { Tx } from '../db/types';

/**
 * The demo community's first priority area gets a small action team (three of the seven
 * sectors, so the missing ones show), one action, one indicator measured three times and one
 * published "you said, we did" update. Runs after the demo codebook has created the area.
 */
export async function seedDemoActions(tx: Tx, communityId: string, profileId: string) {
	const [area] = await tx.query<{ id: string }>(
		`select id from public.priority_areas where community_id = $1 order by position, created_at limit 1`,
		[communityId]
	);
	if (!area) return;
	await tx.query(
		`insert into public.action_team_members (community_id, area_id, name, organization, sector, lived_experience)
		values ($1, $2, 'Amina Yusuf', 'Vanier Tenants'' Association', 'grassroots', true),
			($1, $2, 'Luc Bergeron', 'Centre de santé communautaire', 'non_profit', false),
			($1, $2, 'Priya Nair', 'City housing office', 'government', false)`,
		[communityId, area.id]
	);
	await tx.query(
		`insert into public.actions (community_id, area_id, title, owner, status, due_on)
		values ($1, $2, 'Repair clinic for tenants with a landlord who does not answer', 'Vanier Tenants'' Association', 'in_progress', '2026-09-30')`,
		[communityId, area.id]
	);
	const [indicator] = await tx.query<{ id: string }>(
		`insert into public.indicators (community_id, area_id, name, unit, term, kind, baseline, target)
		values ($1, $2, $3::jsonb, '', 'short', 'output', 0, 60) returning id`,
		[
			communityId,
			area.id,
			JSON.stringify({ en: 'Repair requests resolved', fr: 'Demandes de réparation réglées' })
		]
	);
	await tx.query(
		`insert into public.indicator_values (community_id, indicator_id, measured_on, value, note)
		values ($1, $2, '2026-03-31', 8, ''), ($1, $2, '2026-06-30', 21, 'Clinic opened in May'),
			($1, $2, '2026-09-30', 34, '')`,
		[communityId, indicator.id]
	);
	await tx.query(
		`insert into public.progress_updates (community_id, area_id, you_said, we_did, published_at, created_by)
		values ($1, $2, $3::jsonb, $4::jsonb, now(), $5)`,
		[
			communityId,
			area.id,
			JSON.stringify({
				en: 'Repairs take months and rents keep rising.',
				fr: 'Les réparations prennent des mois et les loyers ne cessent d’augmenter.'
			}),
			JSON.stringify({
				en: 'A weekly repair clinic now helps tenants file and follow up on requests.',
				fr: 'Une clinique de réparation hebdomadaire aide les locataires à faire et suivre leurs demandes.'
			}),
			profileId
		]
	);
}

import seedSql from '../../../../supabase/seed.sql?raw';
import { hashPassword } from '../auth/passwords';
import { newToken } from '../auth/tokens';
import { seedDemoCodebook } from '../coding/seed-demo-codebook';
import { seedDemoBaselines } from '../representation/seed-demo-baselines';
import { seedDemoSession } from '../sessions/seed-demo-session';
import { seedDemoRound } from '../voting/seed-demo-round';
import { seedDemoEvent } from '../events/seed-demo-event';
import { seedDemoActions } from '../actions/seed-demo-actions';
import { seedDemoVision } from '../vision/seed-demo-vision';
import type { Db } from './types';

export const DEMO_ORGANIZER_EMAIL = 'organizer@demo.example';
const DEMO_COMMUNITY_ID = '00000000-0000-4000-8000-000000000001';

/**
 * Loads supabase/seed.sql (the bilingual demo community) and makes a demo organizer its owner.
 * Returns the organizer's sign-in, which start-up prints once.
 */
export async function seedDemo(db: Db, password = newToken().slice(0, 16)) {
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		await tx.exec(seedSql);
		const [profile] = await tx.query<{ id: string }>(
			`insert into public.profiles (id, display_name, email)
			values (gen_random_uuid(), 'Demo Organizer', $1) returning id`,
			[DEMO_ORGANIZER_EMAIL]
		);
		await tx.query(
			'insert into public.local_accounts (user_id, email, password_hash) values ($1, $2, $3)',
			[profile.id, DEMO_ORGANIZER_EMAIL, passwordHash]
		);
		await tx.query(
			`insert into public.memberships (community_id, user_id, role) values ($1, $2, 'owner')`,
			[DEMO_COMMUNITY_ID, profile.id]
		);
		await seedDemoRound(tx, DEMO_COMMUNITY_ID, profile.id);
		await seedDemoBaselines(tx, DEMO_COMMUNITY_ID, profile.id);
		await seedDemoSession(tx, DEMO_COMMUNITY_ID, profile.id);
		await seedDemoCodebook(tx, DEMO_COMMUNITY_ID, profile.id);
		await seedDemoEvent(tx, DEMO_COMMUNITY_ID, profile.id);
		await seedDemoVision(tx, DEMO_COMMUNITY_ID, profile.id);
		await seedDemoActions(tx, DEMO_COMMUNITY_ID, profile.id);
	});
	return { email: DEMO_ORGANIZER_EMAIL, password };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/lib/server/auth/tokens';
import type { Db } from '../../src/lib/server/db/types';
import { as, asServiceRole, communities, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A, B } = communities;

// Tables whose allow and deny cases are tested, here or in questionnaires-rls.test.ts; the last
// test fails when a table is added without them.
const COVERED = [
	'action_team_members',
	'actions',
	'answers',
	'audit_log',
	'ballot_comparisons',
	'ballot_marks',
	'ballot_profiles',
	'ballots',
	'coding_events',
	'coding_samples',
	'codings',
	'communities',
	'community_areas',
	'contact_details',
	'demographic_answers',
	'deprivation_areas',
	'deprivation_imports',
	'discussion_guides',
	'event_ideas',
	'event_join_attempts',
	'event_profile_answers',
	'event_signin_counts',
	'events',
	'guide_prompts',
	'indicator_values',
	'indicators',
	'invitations',
	'listening_sessions',
	'local_accounts',
	'memberships',
	'population_baselines',
	'priority_area_themes',
	'priority_areas',
	'profile_answer_counts',
	'profiles',
	'progress_updates',
	'public_summaries',
	'questionnaire_sections',
	'questionnaires',
	'questions',
	'response_count_markers',
	'response_profiles',
	'responses',
	'session_attendee_counts',
	'session_notes',
	'sessions',
	'sign_in_attempts',
	'suggestion_rejections',
	'themes',
	'vision_endorsement_profiles',
	'vision_endorsements',
	'vision_publications',
	'vision_versions',
	'vote_options',
	'vote_paper_tallies',
	'vote_rounds',
	'vote_tallies'
];

describe.each(drivers)('row-level security on %s', (driver) => {
	let db: Db;
	const count = async (userId: string | null, sql: string, params: unknown[] = []) =>
		(await as(db, userId, (tx) => tx.query(sql, params))).length;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
	});
	afterAll(() => db.close());

	describe('communities', () => {
		it('members read their own community and not another', async () => {
			expect(await count(people.analystA, 'select id from public.communities')).toBe(1);
			expect(
				await count(people.analystA, 'select 1 from public.communities where id = $1', [B])
			).toBe(0);
			expect(
				await count(people.ownerB, 'select 1 from public.communities where id = $1', [A])
			).toBe(0);
		});

		it('anon and outsiders read no community (none has an open questionnaire)', async () => {
			expect(await count(null, 'select 1 from public.communities')).toBe(0);
			await expect(count(null, 'select created_by from public.communities')).rejects.toThrow(
				DENIED
			);
			expect(await count(people.outsider, 'select 1 from public.communities')).toBe(0);
		});

		it('owners update their community; other roles and other owners cannot', async () => {
			const rename = (userId: string, id: string) =>
				count(
					userId,
					`update public.communities set region = 'changed' where id = $1 returning id`,
					[id]
				);
			expect(await rename(people.ownerA, A)).toBe(1);
			expect(await rename(people.organizerA, A)).toBe(0);
			expect(await rename(people.ownerB, A)).toBe(0);
			expect(await rename(people.ownerA, B)).toBe(0);
		});

		it('nobody inserts directly; signed-in people create through create_community', async () => {
			await expect(
				as(db, people.outsider, (tx) =>
					tx.query(
						`insert into public.communities (slug, name) values ('direct', '{"en":"x","fr":"x"}')`
					)
				)
			).rejects.toThrow(DENIED);
			await expect(
				as(db, null, (tx) =>
					tx.query(`select public.create_community('by-anon', '{"en":"x","fr":"x"}', '', 'en')`)
				)
			).rejects.toThrow(DENIED);
			const slug = await as(db, people.outsider, async (tx) => {
				await tx.query(
					`select public.create_community('outsiders', '{"en":"O","fr":"O"}', '', 'fr')`
				);
				const [row] = await tx.query<{ role: string }>(
					`select m.role from public.memberships m join public.communities c on c.id = m.community_id
					where c.slug = 'outsiders' and m.user_id = (select auth.uid())`
				);
				return row.role;
			});
			expect(slug).toBe('owner');
		});

		it('only owners delete a community', async () => {
			const id = await as(db, people.ownerB, async (tx) => {
				const [row] = await tx.query<{ id: string }>(
					`select public.create_community('doomed', '{"en":"D","fr":"D"}', '', 'en') as id`
				);
				return row.id;
			});
			expect(
				await count(people.ownerA, 'delete from public.communities where id = $1 returning id', [
					id
				])
			).toBe(0);
			expect(
				await count(people.ownerB, 'delete from public.communities where id = $1 returning id', [
					id
				])
			).toBe(1);
		});
	});

	describe('memberships', () => {
		it('members see their own team only; anon sees nothing', async () => {
			expect(await count(people.volunteerA, 'select 1 from public.memberships')).toBe(4);
			expect(
				await count(people.volunteerA, 'select 1 from public.memberships where community_id = $1', [
					B
				])
			).toBe(0);
			await expect(count(null, 'select 1 from public.memberships')).rejects.toThrow(DENIED);
		});

		it('owners add members to their community, not to another', async () => {
			await as(db, people.ownerB, (tx) =>
				tx.query(
					`insert into public.memberships (community_id, user_id, role) values ($1, $2, 'analyst')`,
					[B, people.outsider]
				)
			);
			await expect(
				as(db, people.ownerA, (tx) =>
					tx.query(
						`insert into public.memberships (community_id, user_id, role) values ($1, $2, 'owner')`,
						[B, people.ownerA]
					)
				)
			).rejects.toThrow(DENIED);
		});

		it('organizers and analysts cannot add members or change roles', async () => {
			for (const who of [people.organizerA, people.analystA]) {
				await expect(
					as(db, who, (tx) =>
						tx.query(
							`insert into public.memberships (community_id, user_id, role) values ($1, $2, 'owner')`,
							[A, people.outsider]
						)
					)
				).rejects.toThrow(DENIED);
				expect(
					await count(
						who,
						`update public.memberships set role = 'owner' where user_id = $1 returning 1`,
						[who]
					)
				).toBe(0);
			}
		});

		it('owners change roles, and the last owner cannot be demoted or removed', async () => {
			expect(
				await count(
					people.ownerA,
					`update public.memberships set role = 'organizer' where user_id = $1 and community_id = $2 returning 1`,
					[people.volunteerA, A]
				)
			).toBe(1);
			await expect(
				as(db, people.ownerA, (tx) =>
					tx.query(
						`update public.memberships set role = 'analyst' where user_id = $1 and community_id = $2`,
						[people.ownerA, A]
					)
				)
			).rejects.toThrow(/at least one owner/);
			await expect(
				as(db, people.ownerA, (tx) =>
					tx.query('delete from public.memberships where user_id = $1 and community_id = $2', [
						people.ownerA,
						A
					])
				)
			).rejects.toThrow(/at least one owner/);
		});

		it('owners remove members of their community only', async () => {
			expect(
				await count(
					people.ownerA,
					'delete from public.memberships where user_id = $1 and community_id = $2 returning 1',
					[people.outsider, B]
				)
			).toBe(0);
			expect(
				await count(
					people.ownerB,
					'delete from public.memberships where user_id = $1 and community_id = $2 returning 1',
					[people.outsider, B]
				)
			).toBe(1);
		});
	});

	describe('profiles', () => {
		it('people read their own profile and their teammates’, not strangers’', async () => {
			expect(
				await count(people.outsider, 'select 1 from public.profiles where id = $1', [
					people.outsider
				])
			).toBe(1);
			expect(
				await count(people.analystA, 'select 1 from public.profiles where id = $1', [people.ownerA])
			).toBe(1);
			expect(
				await count(people.analystA, 'select 1 from public.profiles where id = $1', [people.ownerB])
			).toBe(0);
			await expect(count(null, 'select 1 from public.profiles')).rejects.toThrow(DENIED);
		});

		it('people update their own profile only', async () => {
			const update = (who: string, id: string) =>
				count(who, `update public.profiles set display_name = 'New' where id = $1 returning 1`, [
					id
				]);
			expect(await update(people.analystA, people.analystA)).toBe(1);
			expect(await update(people.analystA, people.ownerA)).toBe(0);
		});

		it('people create their own profile, not someone else’s', async () => {
			const fresh = '40000000-0000-4000-8000-000000000001';
			await expect(
				as(db, people.outsider, (tx) =>
					tx.query(
						`insert into public.profiles (id, display_name, email) values ($1, 'x', 'x@example.org')`,
						[fresh]
					)
				)
			).rejects.toThrow(DENIED);
			await as(db, fresh, (tx) =>
				tx.query(
					`insert into public.profiles (id, display_name, email) values ($1, 'x', 'x@example.org')`,
					[fresh]
				)
			);
		});
	});

	describe('invitations', () => {
		const invite = (who: string, community: string, role: string, token: string) =>
			as(db, who, (tx) =>
				tx.query(
					`insert into public.invitations (community_id, email, role, token_hash, invited_by)
					values ($1, 'new@example.org', $2, $3, (select auth.uid()))`,
					[community, role, hashToken(token)]
				)
			);

		it('owners invite with any role; organizers with any role but owner', async () => {
			await invite(people.ownerA, A, 'owner', 'by-owner');
			await invite(people.organizerA, A, 'analyst', 'by-organizer');
			await expect(invite(people.organizerA, A, 'owner', 'organizer-owner')).rejects.toThrow(
				DENIED
			);
		});

		it('analysts, volunteers, other communities and anon cannot invite', async () => {
			await expect(invite(people.analystA, A, 'volunteer', 'x1')).rejects.toThrow(DENIED);
			await expect(invite(people.ownerB, A, 'volunteer', 'x2')).rejects.toThrow(DENIED);
			await expect(
				as(db, null, (tx) =>
					tx.query(
						`insert into public.invitations (community_id, email, role, token_hash) values ($1, 'a@b.c', 'owner', 'x')`,
						[A]
					)
				)
			).rejects.toThrow(DENIED);
		});

		it('owners and organizers see invitations; others do not', async () => {
			expect(await count(people.ownerA, 'select 1 from public.invitations')).toBeGreaterThan(0);
			expect(await count(people.organizerA, 'select 1 from public.invitations')).toBeGreaterThan(0);
			expect(await count(people.analystA, 'select 1 from public.invitations')).toBe(0);
			expect(await count(people.ownerB, 'select 1 from public.invitations')).toBe(0);
			await expect(count(null, 'select 1 from public.invitations')).rejects.toThrow(DENIED);
		});

		it('the link holder previews and accepts once; the token is the only key', async () => {
			const [preview] = await as(db, null, (tx) =>
				tx.query<{ status: string; role: string }>('select * from public.invitation_preview($1)', [
					hashToken('by-organizer')
				])
			);
			expect(preview).toMatchObject({ status: 'open', role: 'analyst' });
			expect(
				await count(null, 'select * from public.invitation_preview($1)', [hashToken('guess')])
			).toBe(0);
			await expect(
				as(db, null, (tx) =>
					tx.query('select public.accept_invitation($1)', [hashToken('by-organizer')])
				)
			).rejects.toThrow(DENIED);

			const [joined] = await as(db, people.outsider, (tx) =>
				tx.query<{ slug: string }>('select public.accept_invitation($1) as slug', [
					hashToken('by-organizer')
				])
			);
			expect(joined.slug).toBe('community-a');
			expect(
				await count(people.outsider, 'select 1 from public.communities where id = $1', [A])
			).toBe(1);
			await expect(
				as(db, people.ownerB, (tx) =>
					tx.query('select public.accept_invitation($1)', [hashToken('by-organizer')])
				)
			).rejects.toThrow(/cannot be used/);
		});

		it('owners and organizers withdraw invitations of their community only', async () => {
			await invite(people.ownerA, A, 'volunteer', 'to-withdraw');
			const withdraw = (who: string) =>
				count(who, 'delete from public.invitations where token_hash = $1 returning 1', [
					hashToken('to-withdraw')
				]);
			expect(await withdraw(people.analystA)).toBe(0);
			expect(await withdraw(people.ownerB)).toBe(0);
			expect(await withdraw(people.organizerA)).toBe(1);
		});
	});

	describe('audit_log', () => {
		it('records team changes with their actor, readable by owners only', async () => {
			const entries = await as(db, people.ownerA, (tx) =>
				tx.query<{ action: string; actor_id: string | null }>(
					'select action, actor_id from public.audit_log where community_id = $1',
					[A]
				)
			);
			expect(entries.map((e) => e.action)).toEqual(
				expect.arrayContaining(['memberships.update', 'invitations.insert', 'invitations.delete'])
			);
			expect(entries.find((e) => e.action === 'invitations.delete')?.actor_id).toBe(
				people.organizerA
			);
			expect(await count(people.organizerA, 'select 1 from public.audit_log')).toBe(0);
			expect(
				await count(people.ownerB, 'select 1 from public.audit_log where community_id = $1', [A])
			).toBe(0);
			await expect(count(null, 'select 1 from public.audit_log')).rejects.toThrow(DENIED);
		});

		it('cannot be written or rewritten through the API roles', async () => {
			await expect(
				as(db, people.ownerA, (tx) =>
					tx.query(`insert into public.audit_log (community_id, action) values ($1, 'forged')`, [A])
				)
			).rejects.toThrow(DENIED);
			await expect(
				as(db, people.ownerA, (tx) =>
					tx.query('delete from public.audit_log where community_id = $1', [A])
				)
			).rejects.toThrow(DENIED);
		});
	});

	describe.each(['local_accounts', 'sessions', 'sign_in_attempts'])('%s (server only)', (table) => {
		it('is closed to anon and to every signed-in person', async () => {
			await expect(as(db, null, (tx) => tx.query(`select * from public.${table}`))).rejects.toThrow(
				DENIED
			);
			await expect(
				as(db, people.ownerA, (tx) => tx.query(`select * from public.${table}`))
			).rejects.toThrow(DENIED);
		});

		it('is open to the server’s own connection', async () => {
			expect((await db.query(`select * from public.${table}`)).length).toBeGreaterThan(0);
		});
	});

	it('service_role bypasses RLS, as on Supabase', async () => {
		const rows = await asServiceRole(db, (tx) => tx.query('select 1 from public.communities'));
		expect(rows.length).toBeGreaterThanOrEqual(2);
	});

	it('covers every table of the public schema', async () => {
		const tables = await db.query<{ name: string }>(
			`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind = 'r' order by 1`
		);
		expect(tables.map((t) => t.name)).toEqual(COVERED);
	});
});

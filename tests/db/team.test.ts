import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localProvider, SESSION_COOKIE } from '../../src/lib/server/auth/local-provider';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { MAX_FAILURES } from '../../src/lib/server/auth/sign-in-attempts';
import {
	acceptInvitation,
	previewInvitation
} from '../../src/lib/server/communities/accept-invitation';
import {
	changeMemberRole,
	removeMember,
	withdrawInvitation
} from '../../src/lib/server/communities/change-member-role';
import { createCommunity } from '../../src/lib/server/communities/create-community';
import { getCommunity } from '../../src/lib/server/communities/get-community';
import { inviteMember } from '../../src/lib/server/communities/invite-member';
import { listMyCommunities } from '../../src/lib/server/communities/list-my-communities';
import { listTeam } from '../../src/lib/server/communities/list-team';
import type { Db } from '../../src/lib/server/db/types';
import { cookieJar } from './cookies';
import { as, communities, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const form = (slug: string) => ({
	nameEn: 'Lowertown',
	nameFr: 'Basse-Ville',
	slug,
	region: 'Ottawa',
	defaultLanguage: 'fr' as const
});

describe.each(drivers)('team commands on %s', (driver) => {
	let db: Db;
	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
	});
	afterAll(() => db.close());

	it('creates a community owned by its creator and refuses a taken slug without a trace', async () => {
		expect(await as(db, people.outsider, (tx) => createCommunity(tx, form('lowertown')))).toEqual({
			ok: true,
			slug: 'lowertown'
		});
		const again = await as(db, people.ownerB, (tx) => createCommunity(tx, form('lowertown')));
		expect(again).toEqual({ ok: false, field: 'slug', error: 'communities.errors.slug_taken' });
		const mine = await as(db, people.outsider, listMyCommunities);
		expect(mine.map((c) => [c.slug, c.role, c.members])).toEqual([['lowertown', 'owner', 1]]);
		expect(mine[0].name).toEqual({ en: 'Lowertown', fr: 'Basse-Ville' });
		const theirs = await as(db, people.ownerB, listMyCommunities);
		expect(theirs.map((c) => c.slug)).toEqual(['community-b']);
	});

	it('shows a community only to its members', async () => {
		expect(await as(db, people.analystA, (tx) => getCommunity(tx, 'community-a'))).toMatchObject({
			role: 'analyst',
			suppressionK: 10
		});
		expect(await as(db, people.ownerB, (tx) => getCommunity(tx, 'community-a'))).toBeNull();
	});

	it('invites, previews, accepts once, and lists the new member', async () => {
		const { token } = await as(db, people.ownerA, (tx) =>
			inviteMember(tx, { communityId: communities.A, email: 'new@example.org', role: 'organizer' })
		);
		const preview = await as(db, null, (tx) => previewInvitation(tx, token));
		expect(preview).toMatchObject({
			communitySlug: 'community-a',
			role: 'organizer',
			status: 'open'
		});
		expect(await as(db, null, (tx) => previewInvitation(tx, 'unknown'))).toBeNull();

		expect(await as(db, people.outsider, (tx) => acceptInvitation(tx, token))).toEqual({
			ok: true,
			slug: 'community-a'
		});
		expect(await as(db, people.ownerB, (tx) => acceptInvitation(tx, token))).toEqual({ ok: false });
		expect((await as(db, null, (tx) => previewInvitation(tx, token)))?.status).toBe('accepted');

		const team = await as(db, people.ownerA, (tx) => listTeam(tx, communities.A));
		expect(team.members.find((m) => m.userId === people.outsider)?.role).toBe('organizer');
		expect(team.audit.map((a) => a.action)).toContain('memberships.insert');
	});

	it('lets organizers invite but not change roles, and keeps the last owner', async () => {
		await as(db, people.organizerA, (tx) =>
			inviteMember(tx, { communityId: communities.A, email: 'v@example.org', role: 'volunteer' })
		);
		const demote = {
			communityId: communities.A,
			userId: people.analystA,
			role: 'volunteer' as const
		};
		expect(await as(db, people.organizerA, (tx) => changeMemberRole(tx, demote))).toEqual({
			ok: false,
			error: 'team.errors.not_allowed'
		});
		expect(await as(db, people.ownerA, (tx) => changeMemberRole(tx, demote))).toEqual({ ok: true });
		const self = { communityId: communities.A, userId: people.ownerA };
		expect(
			await as(db, people.ownerA, (tx) => changeMemberRole(tx, { ...self, role: 'analyst' }))
		).toEqual({
			ok: false,
			error: 'team.errors.last_owner'
		});
		expect(await as(db, people.ownerA, (tx) => removeMember(tx, self))).toEqual({
			ok: false,
			error: 'team.errors.last_owner'
		});
		// the refused change left nothing behind and the transaction stayed usable
		expect((await as(db, people.ownerA, (tx) => getCommunity(tx, 'community-a')))?.role).toBe(
			'owner'
		);
	});

	it('withdraws an invitation so its link stops working', async () => {
		const { token } = await as(db, people.ownerA, (tx) =>
			inviteMember(tx, { communityId: communities.A, email: 'w@example.org', role: 'analyst' })
		);
		const { invitations } = await as(db, people.ownerA, (tx) => listTeam(tx, communities.A));
		const invitation = invitations.find((i) => i.email === 'w@example.org')!;
		expect(
			await as(db, people.ownerB, (tx) =>
				withdrawInvitation(tx, { communityId: communities.A, invitationId: invitation.id })
			)
		).toEqual({ ok: false, error: 'team.errors.not_allowed' });
		expect(
			await as(db, people.ownerA, (tx) =>
				withdrawInvitation(tx, { communityId: communities.A, invitationId: invitation.id })
			)
		).toEqual({ ok: true });
		expect(await as(db, null, (tx) => previewInvitation(tx, token))).toBeNull();
	});
});

describe.each(drivers)('local sign-in on %s', (driver) => {
	let db: Db;
	beforeAll(async () => {
		db = await migratedDb(driver);
	});
	afterAll(() => db.close());

	it('registers, signs in with a session cookie, and signs out', async () => {
		const auth = localProvider(db);
		const jar = cookieJar();
		const registered = await auth.register(jar, {
			email: 'Mia@Example.org',
			password: 'a long enough password',
			displayName: 'Mia'
		});
		expect(registered.ok).toBe(true);
		expect(
			await auth.register(cookieJar(), {
				email: 'mia@example.org',
				password: 'x'.repeat(12),
				displayName: 'M'
			})
		).toEqual({
			ok: false,
			reason: 'email_taken'
		});

		const browser = cookieJar();
		const result = await signIn(db, auth, browser, {
			email: 'mia@example.org',
			password: 'a long enough password',
			ip: '10.0.0.1'
		});
		expect(result).toMatchObject({ ok: true, user: { displayName: 'Mia' } });
		const token = browser.jar.get(SESSION_COOKIE)!;
		expect(token).toBeTruthy();
		// only a hash of the token is stored
		expect(await db.query('select 1 from public.sessions where token_hash = $1', [token])).toEqual(
			[]
		);
		expect((await auth.currentUser(browser))?.email).toBe('Mia@Example.org');

		await auth.signOut(browser);
		expect(browser.jar.has(SESSION_COOKIE)).toBe(false);
		const stolen = cookieJar();
		stolen.set(SESSION_COOKIE, token, { path: '/' });
		expect(await auth.currentUser(stolen)).toBeNull();
	});

	it('gives the same answer for an unknown email and a wrong password', async () => {
		const auth = localProvider(db);
		const unknown = await signIn(db, auth, cookieJar(), {
			email: 'nobody@example.org',
			password: 'x',
			ip: '10.0.0.2'
		});
		const wrong = await signIn(db, auth, cookieJar(), {
			email: 'mia@example.org',
			password: 'x',
			ip: '10.0.0.2'
		});
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(wrong).toEqual(unknown);
	});

	it('refuses further attempts after repeated failures, even with the right password', async () => {
		const auth = localProvider(db);
		for (let i = 0; i < MAX_FAILURES.email; i++) {
			await signIn(db, auth, cookieJar(), {
				email: 'mia@example.org',
				password: `guess ${i}`,
				ip: `10.1.0.${i}`
			});
		}
		const right = { email: 'mia@example.org', password: 'a long enough password' };
		expect(await signIn(db, auth, cookieJar(), { ...right, ip: '10.9.9.9' })).toEqual({
			ok: false,
			reason: 'rate_limited'
		});
		// the limit is per email: another account is unaffected
		expect(
			(
				await signIn(db, auth, cookieJar(), {
					email: 'nobody@example.org',
					password: 'x',
					ip: '10.9.9.8'
				})
			).ok
		).toBe(false);
		const [attempts] = await db.query<{ n: number }>(
			`select count(*)::int as n from public.sign_in_attempts where key = 'email:mia@example.org' and not succeeded`
		);
		expect(attempts.n).toBeGreaterThanOrEqual(MAX_FAILURES.email);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/types';
import { createEvent } from '../../src/lib/server/events/create-event';
import { eventRoundIds, setEventRound } from '../../src/lib/server/events/event-rounds';
import { castEventBallot, eventProfileOf } from '../../src/lib/server/events/event-vote';
import { eventLive } from '../../src/lib/server/events/event-live';
import {
	findEventByCode,
	joinEvent,
	MAX_MISSES_PER_ADDRESS
} from '../../src/lib/server/events/join-event';
import { listEvents } from '../../src/lib/server/events/list-events';
import { listIdeas, moderateIdea } from '../../src/lib/server/events/moderate-idea';
import { postIdea } from '../../src/lib/server/events/post-idea';
import { saveProfile } from '../../src/lib/server/events/save-profile';
import { listSigninCounts, saveSigninCounts } from '../../src/lib/server/events/signin-counts';
import { eventSigninSheets } from '../../src/lib/server/events/signin-source';
import { participantCounts } from '../../src/lib/server/representation/participant-counts';
import { as, communities, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A, B } = communities;
const input = {
	title: { en: 'Town hall', fr: 'Assemblée publique' },
	kind: 'town_hall' as const,
	heldOn: '2026-12-01',
	place: 'Community centre',
	questionnaireId: null,
	display: 'both' as const
};

describe.each(drivers)('community events on %s', (driver) => {
	let db: Db;
	let eventA: { id: string; joinCode: string };
	let eventB: { id: string; joinCode: string };
	const count = async (userId: string | null, sql: string, params: unknown[] = []) =>
		(await as(db, userId, (tx) => tx.query(sql, params))).length;
	const idea = (eventId: string, device = 'device-1', text = 'More benches') =>
		as(db, null, (tx) =>
			postIdea(tx, {
				ideaId: crypto.randomUUID(),
				eventId,
				deviceHash: device,
				idea: text,
				language: 'fr'
			})
		);

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		const a = await as(db, people.organizerA, (tx) =>
			createEvent(tx, { ...input, communityId: A })
		);
		const b = await as(db, people.ownerB, (tx) => createEvent(tx, { ...input, communityId: B }));
		if (!a.ok || !b.ok) throw new Error('events not created');
		eventA = a;
		eventB = b;
	});
	afterAll(() => db.close());

	describe('events', () => {
		it('owners and organizers create events with a code of the poster alphabet', async () => {
			expect(eventA.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
			const owner = await as(db, people.ownerA, (tx) =>
				createEvent(tx, { ...input, communityId: A })
			);
			expect(owner.ok).toBe(true);
			for (const who of [people.analystA, people.volunteerA, people.ownerB, null]) {
				const refused = await as(db, who, (tx) => createEvent(tx, { ...input, communityId: A }));
				expect(refused).toEqual({ ok: false, error: 'events.errors.not_allowed' });
			}
		});

		it('a questionnaire of another community cannot be linked', async () => {
			await db.query(
				`insert into public.questionnaires (id, community_id, slug, title) values
				('b1000000-0000-4000-8000-000000000009', $1, 'b-survey', '{"en":"B","fr":"B"}')`,
				[B]
			);
			const refused = await as(db, people.organizerA, (tx) =>
				createEvent(tx, {
					...input,
					communityId: A,
					questionnaireId: 'b1000000-0000-4000-8000-000000000009'
				})
			);
			expect(refused).toEqual({ ok: false, error: 'events.errors.questionnaire' });
		});

		it('members read their community’s events; other teams and anon do not', async () => {
			for (const who of [people.ownerA, people.organizerA, people.analystA, people.volunteerA])
				expect((await as(db, who, (tx) => listEvents(tx, A))).length).toBe(2);
			expect(
				await count(people.ownerB, 'select 1 from public.events where community_id = $1', [A])
			).toBe(0);
			expect(await count(people.outsider, 'select 1 from public.events')).toBe(0);
			await expect(count(null, 'select 1 from public.events')).rejects.toThrow(DENIED);
		});

		it('only owners and organizers edit and delete events', async () => {
			const rename = (who: string) =>
				count(who, `update public.events set place = 'Library' where id = $1 returning 1`, [
					eventA.id
				]);
			expect(await rename(people.analystA)).toBe(0);
			expect(await rename(people.volunteerA)).toBe(0);
			expect(await rename(people.ownerB)).toBe(0);
			expect(await rename(people.organizerA)).toBe(1);
			expect(
				await count(people.volunteerA, 'delete from public.events where id = $1 returning 1', [
					eventA.id
				])
			).toBe(0);
			await expect(
				as(db, null, (tx) => tx.query(`update public.events set place = 'x'`))
			).rejects.toThrow(DENIED);
		});

		it('anyone finds an event by its code, in any case, without its presenter key', async () => {
			const found = await as(db, null, (tx) => findEventByCode(tx, eventA.joinCode.toLowerCase()));
			expect(found).toMatchObject({ id: eventA.id, place: 'Library', status: 'open' });
			expect(JSON.stringify(found)).not.toMatch(/presenter/i);
			expect(await as(db, null, (tx) => findEventByCode(tx, 'ZZZZZZ'))).toBeNull();
		});
	});

	describe('joining', () => {
		it('limits codes that match nothing per address, and not other addresses', async () => {
			const join = (code: string, address: string) => joinEvent(db, code, address);
			expect(await join(eventA.joinCode, '203.0.113.1')).toMatchObject({ ok: true });
			for (let i = 0; i < MAX_MISSES_PER_ADDRESS; i++)
				expect(await join('ZZZZZZ', '203.0.113.1')).toEqual({ ok: false, reason: 'not_found' });
			expect(await join(eventA.joinCode, '203.0.113.1')).toEqual({
				ok: false,
				reason: 'rate_limited'
			});
			expect(await join(eventA.joinCode, '203.0.113.2')).toMatchObject({ ok: true });
		});

		it('gives what a phone may see of the event, and counts a returning phone only on a miss', async () => {
			const attempts = async () =>
				(
					await db.query<{ n: number }>(
						`select count(*)::int as n from public.event_join_attempts where address = $1`,
						['203.0.113.3']
					)
				)[0].n;
			const joined = await joinEvent(db, eventA.joinCode, '203.0.113.3');
			expect(joined).toEqual({
				ok: true,
				event: await as(db, null, (tx) => findEventByCode(tx, eventA.joinCode))
			});
			expect(await attempts()).toBe(1);
			expect(
				await joinEvent(db, eventA.joinCode, '203.0.113.3', { newPhone: false })
			).toMatchObject({ ok: true });
			expect(await attempts()).toBe(1);
			expect(await joinEvent(db, 'ZZZZZZ', '203.0.113.3', { newPhone: false })).toEqual({
				ok: false,
				reason: 'not_found'
			});
			expect(await attempts()).toBe(2);
		});

		it('nobody but the server reads or writes join attempts', async () => {
			for (const who of [null, people.ownerA]) {
				await expect(count(who, 'select 1 from public.event_join_attempts')).rejects.toThrow(
					DENIED
				);
				// the address is the server's word: nobody else may record joins for one
				await expect(
					count(who, `select public.join_event('ZZZZZZ', '203.0.113.9', true, 10, 1000, 20)`)
				).rejects.toThrow(DENIED);
			}
		});
	});

	describe('idea wall', () => {
		it('phones post ideas once per id; approved ones show live, pending and hidden do not', async () => {
			const ideaId = crypto.randomUUID();
			const post = () =>
				as(db, null, (tx) =>
					postIdea(tx, {
						ideaId,
						eventId: eventA.id,
						deviceHash: 'device-1',
						idea: '  Un marché le samedi  ',
						language: 'fr'
					})
				);
			expect(await post()).toEqual({ ok: true, outcome: 'created' });
			expect(await post()).toEqual({ ok: true, outcome: 'duplicate' });
			const second = await idea(eventA.id);
			expect(second.ok).toBe(true);

			expect((await eventLive(db, eventA.id))?.ideas).toEqual([]);
			expect(
				await as(db, people.organizerA, (tx) =>
					moderateIdea(tx, { eventId: eventA.id, ideaId, status: 'approved' })
				)
			).toEqual({ ok: true });
			const live = await eventLive(db, eventA.id);
			expect(live).toEqual({
				status: 'open',
				ideas: [{ id: ideaId, body: 'Un marché le samedi', language: 'fr' }],
				votes: []
			});
			await as(db, people.ownerA, (tx) =>
				moderateIdea(tx, { eventId: eventA.id, ideaId, status: 'hidden' })
			);
			expect((await eventLive(db, eventA.id))?.ideas).toEqual([]);
		});

		it('analysts, volunteers, other teams and anon cannot moderate', async () => {
			const [first] = await as(db, people.ownerA, (tx) => listIdeas(tx, eventA.id));
			for (const who of [people.analystA, people.volunteerA, people.ownerB])
				expect(
					await as(db, who, (tx) =>
						moderateIdea(tx, { eventId: eventA.id, ideaId: first.id, status: 'approved' })
					)
				).toEqual({ ok: false, error: 'events.errors.not_allowed' });
			await expect(
				as(db, null, (tx) => tx.query(`update public.event_ideas set status = 'approved'`))
			).rejects.toThrow(DENIED);
		});

		it('members read ideas of their community only, never the device hash; anon reads none directly', async () => {
			for (const who of [people.ownerA, people.organizerA, people.analystA, people.volunteerA])
				expect(await count(who, 'select id from public.event_ideas')).toBe(2);
			expect(await count(people.ownerB, 'select id from public.event_ideas')).toBe(0);
			await expect(
				count(people.ownerA, 'select device_hash from public.event_ideas')
			).rejects.toThrow(DENIED);
			await expect(count(null, 'select id from public.event_ideas')).rejects.toThrow(DENIED);
			await expect(
				as(db, people.ownerA, (tx) =>
					tx.query(
						`insert into public.event_ideas (id, event_id, community_id, body, language, device_hash)
						values (gen_random_uuid(), $1, $2, 'x', 'en', 'd')`,
						[eventA.id, A]
					)
				)
			).rejects.toThrow(DENIED);
		});

		it('refuses a phone past ten ideas, overlong ideas and closed events, storing nothing', async () => {
			for (let i = 0; i < 10; i++) expect((await idea(eventB.id, 'busy-phone')).ok).toBe(true);
			expect(await idea(eventB.id, 'busy-phone')).toEqual({
				ok: false,
				error: 'events.errors.too_many_ideas'
			});
			await expect(idea(eventB.id, 'other', 'x'.repeat(281))).rejects.toThrow(/check/);
			await db.query(`update public.events set status = 'closed' where id = $1`, [eventB.id]);
			expect(await idea(eventB.id, 'other')).toEqual({ ok: false, error: 'events.errors.closed' });
			const [{ n }] = await db.query<{ n: number }>(
				'select count(*)::int as n from public.event_ideas where event_id = $1',
				[eventB.id]
			);
			expect(n).toBe(10);
		});
	});

	describe('profiles', () => {
		it('a phone saves and replaces its profile while the event is open', async () => {
			const save = (profile: Record<string, string>) =>
				as(db, null, (tx) =>
					saveProfile(tx, { eventId: eventA.id, deviceHash: 'device-1', profile })
				);
			expect(await save({ age_group: '25_34', gender: 'woman' })).toEqual({ ok: true });
			expect(await save({ age_group: '35_44' })).toEqual({ ok: true });
			expect(
				await as(db, null, (tx) =>
					saveProfile(tx, { eventId: eventB.id, deviceHash: 'd', profile: { gender: 'man' } })
				)
			).toEqual({ ok: false, error: 'events.errors.closed' });
			await expect(
				as(db, null, (tx) =>
					saveProfile(tx, { eventId: eventA.id, deviceHash: 'd', profile: { religion: 'x' } })
				)
			).rejects.toThrow(/check/);
		});

		it('owners, organizers and analysts read profiles; volunteers, other teams and anon do not', async () => {
			for (const who of [people.ownerA, people.organizerA, people.analystA])
				expect(await count(who, 'select value from public.event_profile_answers')).toBe(1);
			for (const who of [people.volunteerA, people.ownerB])
				expect(await count(who, 'select value from public.event_profile_answers')).toBe(0);
			await expect(count(null, 'select 1 from public.event_profile_answers')).rejects.toThrow(
				DENIED
			);
			await expect(
				as(db, people.ownerA, (tx) => tx.query(`delete from public.event_profile_answers`))
			).rejects.toThrow(DENIED);
		});
	});

	describe('sign-in sheet counts', () => {
		const counts = [
			{ dimension: 'age_group', value: '25_34', people: 12 },
			{ dimension: 'age_group', value: '65_74', people: 0 }
		];
		it('owners, organizers and volunteers enter them; zeros are not stored', async () => {
			for (const who of [people.ownerA, people.organizerA, people.volunteerA]) {
				expect(
					await as(db, who, (tx) =>
						saveSigninCounts(tx, { eventId: eventA.id, attendees: 30, counts })
					)
				).toEqual({ ok: true });
			}
			expect(await as(db, people.analystA, (tx) => listSigninCounts(tx, eventA.id))).toEqual(
				expect.arrayContaining([
					{ dimension: 'age_group', value: '25_34', people: 12 },
					{ dimension: 'total', value: 'all', people: 30 }
				])
			);
		});

		it('count in representation with channel event, for owners, organizers and analysts only', async () => {
			const counts = (who: string) =>
				as(db, who, (tx) => participantCounts(tx, A, {}, [eventSigninSheets]));
			expect((await counts(people.analystA)).totals).toEqual([
				{ channel: 'event', language: 'en', participants: 30 }
			]);
			expect((await counts(people.ownerA)).demographics).toEqual([
				{
					channel: 'event',
					language: 'en',
					dimension: 'age_group',
					value: '25_34',
					participants: 12
				}
			]);
			expect(await counts(people.volunteerA)).toEqual({ totals: [], demographics: [] });
			const other = await as(db, people.ownerA, (tx) =>
				participantCounts(tx, A, { channel: 'paper' }, [eventSigninSheets])
			);
			expect(other.totals).toEqual([]);
		});

		it('analysts, other teams and anon cannot enter them', async () => {
			for (const who of [people.analystA, people.ownerB, null])
				expect(
					await as(db, who, (tx) =>
						saveSigninCounts(tx, { eventId: eventA.id, attendees: 1, counts: [] })
					)
				).toEqual({ ok: false, error: 'events.errors.not_allowed' });
			expect(await count(people.ownerB, 'select 1 from public.event_signin_counts')).toBe(0);
			await expect(count(null, 'select 1 from public.event_signin_counts')).rejects.toThrow(DENIED);
			await expect(
				as(db, people.analystA, (tx) =>
					tx.query(
						`insert into public.event_signin_counts (event_id, dimension, value, people)
						values ($1, 'gender', 'man', 3)`,
						[eventA.id]
					)
				)
			).rejects.toThrow(DENIED);
			const [{ n }] = await db.query<{ n: number }>(
				'select people as n from public.event_signin_counts where event_id = $1 and dimension = $2',
				[eventA.id, 'total']
			);
			expect(n).toBe(30);
		});
	});
	describe('live vote', () => {
		const round = 'a5000000-0000-4000-8000-000000000001';
		const options = [
			'a6000000-0000-4000-8000-000000000001',
			'a6000000-0000-4000-8000-000000000002'
		];
		const roundB = 'b5000000-0000-4000-8000-000000000001';

		beforeAll(async () => {
			await db.query(
				`insert into public.vote_rounds (id, community_id, slug, title, method, settings, status)
				values ($1, $2, 'live-a', '{"en":"Live","fr":"Direct"}', 'dots', '{"dots":3,"cap":2}', 'open'),
					($3, $4, 'live-b', '{"en":"B","fr":"B"}', 'approval', '{}', 'open')`,
				[round, A, roundB, B]
			);
			for (const [i, id] of options.entries())
				await db.query(
					`insert into public.vote_options (id, round_id, position, label)
					values ($1, $2, $3, '{"en":"O","fr":"O"}')`,
					[id, round, i]
				);
		});

		it('owners and organizers attach a round of their community; others cannot', async () => {
			for (const who of [people.analystA, people.volunteerA, people.ownerB])
				expect(
					await as(db, who, (tx) =>
						setEventRound(tx, { eventId: eventA.id, communityId: A, roundId: round })
					)
				).toEqual({ ok: false, error: 'events.errors.not_allowed' });
			expect(
				await as(db, people.ownerB, (tx) =>
					setEventRound(tx, { eventId: eventA.id, communityId: B, roundId: roundB })
				)
			).toEqual({ ok: false, error: 'events.errors.not_allowed' });
			expect(
				await as(db, people.organizerA, (tx) =>
					setEventRound(tx, { eventId: eventA.id, communityId: A, roundId: round })
				)
			).toEqual({ ok: true });
			expect(await as(db, null, (tx) => eventRoundIds(tx, eventA.id))).toEqual([round]);
		});

		it('phones vote once per device with channel event; the live standing follows', async () => {
			const cast = (token: string, marks: Record<string, number>, roundId = round) =>
				eventProfileOf(db, eventA.id, 'device-1').then((profile) =>
					as(db, null, (tx) =>
						castEventBallot(tx, {
							eventId: eventA.id,
							roundId,
							token,
							language: 'fr',
							ballot: marks,
							profile
						})
					)
				);
			expect(await cast('t'.repeat(43), { [options[0]]: 2, [options[1]]: 1 })).toEqual({
				ok: true,
				outcome: 'created'
			});
			expect(await cast('t'.repeat(43), { [options[0]]: 1 })).toEqual({
				ok: true,
				outcome: 'replaced'
			});
			expect(await cast('u'.repeat(43), { [options[0]]: 3 })).toMatchObject({ ok: false });
			expect(await cast('u'.repeat(43), { [options[1]]: 1 }, roundB)).toEqual({
				ok: false,
				error: 'events.errors.not_found'
			});
			const live = await eventLive(db, eventA.id);
			expect(live?.votes).toEqual([
				expect.objectContaining({
					roundId: round,
					ballots: 1,
					options: [
						expect.objectContaining({ id: options[0], points: 1 }),
						expect.objectContaining({ id: options[1], points: 0 })
					]
				})
			]);
			const [ballot] = await db.query<{ channel: string }>(
				'select channel from public.ballots where round_id = $1',
				[round]
			);
			expect(ballot.channel).toBe('event');
			// the profile this phone gave at the event goes with its ballot
			const profile = await db.query('select dimension, value from public.ballot_profiles');
			expect(profile).toEqual([{ dimension: 'age_group', value: '35_44' }]);
		});
	});
});

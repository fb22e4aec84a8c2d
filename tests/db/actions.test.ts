import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/types';
import { actionsOverview } from '../../src/lib/server/actions/actions-overview';
import { addAction } from '../../src/lib/server/actions/add-action';
import { addTeamMember } from '../../src/lib/server/actions/add-team-member';
import { createIndicator } from '../../src/lib/server/actions/create-indicator';
import { listIndicators } from '../../src/lib/server/actions/list-indicators';
import { listPublishedUpdates } from '../../src/lib/server/actions/list-published-updates';
import { publishProgressUpdate } from '../../src/lib/server/actions/publish-progress-update';
import { recordIndicatorValue } from '../../src/lib/server/actions/record-indicator-value';
import { saveProgressUpdate } from '../../src/lib/server/actions/save-progress-update';
import { setActionStatus } from '../../src/lib/server/actions/set-action-status';
import { compareCommunities } from '../../src/lib/server/communities/compare-communities';
import { DENIED, as, communities, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A, B } = communities;
const AREA = {
	A: '9a000000-0000-4000-8000-000000000001',
	B: '9b000000-0000-4000-8000-000000000001'
};

const member = (areaId: string) => ({
	areaId,
	name: 'Ada',
	organization: 'Food bank',
	sector: 'non_profit' as const,
	livedExperience: true
});
const indicator = (areaId: string) => ({
	areaId,
	name: { en: 'Homes repaired', fr: 'Logements réparés' },
	unit: '',
	term: 'short' as const,
	kind: 'output' as const,
	baseline: 0,
	target: 40,
	isPublic: true,
	goalKey: 'g1'
});

describe.each(drivers)('action teams, actions, indicators and updates on %s', (driver) => {
	let db: Db;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await db.query(
			`insert into public.priority_areas (id, community_id, name) values
			($1, $2, '{"en":"Housing","fr":"Logement"}'), ($3, $4, '{"en":"Parks","fr":"Parcs"}')`,
			[AREA.A, A, AREA.B, B]
		);
	});
	afterAll(() => db.close());

	it('lets owners and organizers build a team and its actions, and nobody else', async () => {
		for (const who of [people.ownerA, people.organizerA])
			expect(await as(db, who, (tx) => addTeamMember(tx, A, member(AREA.A)))).toMatchObject({
				ok: true
			});
		for (const who of [people.analystA, people.volunteerA, people.outsider, people.ownerB])
			expect(await as(db, who, (tx) => addTeamMember(tx, A, member(AREA.A)))).toEqual({
				ok: false,
				error: 'actions.errors.not_allowed'
			});
		// an area of another community cannot be named, even by its own owner from A's side
		expect(await as(db, people.ownerA, (tx) => addTeamMember(tx, A, member(AREA.B)))).toEqual({
			ok: false,
			error: 'actions.errors.not_found'
		});
		await expect(
			as(db, null, (tx) => tx.query('select * from public.action_team_members'))
		).rejects.toThrow(DENIED);

		const action = await as(db, people.organizerA, (tx) =>
			addAction(tx, A, {
				areaId: AREA.A,
				title: 'Repair grants',
				owner: 'City',
				status: 'planned',
				dueOn: '2020-01-01'
			})
		);
		expect(action.ok).toBe(true);
		if (!action.ok) return;
		expect(
			await as(db, people.volunteerA, (tx) => setActionStatus(tx, A, action.id, 'done'))
		).toEqual({ ok: false, error: 'actions.errors.not_found' });
		const overview = await as(db, people.volunteerA, (tx) => actionsOverview(tx, A, '2026-01-01'));
		expect(overview).toEqual([
			expect.objectContaining({ members: 2, actions: 1, overdue: 1, livedExperience: true })
		]);
		expect(overview[0].missingSectors).not.toContain('non_profit');
		expect(await as(db, people.outsider, (tx) => actionsOverview(tx, A))).toEqual([]);
		await expect(as(db, null, (tx) => tx.query('select * from public.actions'))).rejects.toThrow(
			DENIED
		);
	});

	it('lets analysts record indicators, shows public ones to anyone and hides the rest', async () => {
		const created = await as(db, people.analystA, (tx) =>
			createIndicator(tx, A, indicator(AREA.A))
		);
		expect(created.ok).toBe(true);
		const hidden = await as(db, people.ownerA, (tx) =>
			createIndicator(tx, A, { ...indicator(AREA.A), isPublic: false })
		);
		expect(hidden.ok).toBe(true);
		expect(
			await as(db, people.volunteerA, (tx) => createIndicator(tx, A, indicator(AREA.A)))
		).toEqual({ ok: false, error: 'actions.errors.not_allowed' });
		if (!created.ok) return;
		expect(
			await as(db, people.analystA, (tx) =>
				recordIndicatorValue(tx, A, created.id, { measuredOn: '2026-03-01', value: 10, note: '' })
			)
		).toMatchObject({ ok: true });
		expect(
			await as(db, people.ownerB, (tx) =>
				recordIndicatorValue(tx, A, created.id, { measuredOn: '2026-03-01', value: 99, note: '' })
			)
		).toEqual({ ok: false, error: 'actions.errors.not_allowed' });

		const team = await as(db, people.volunteerA, (tx) => listIndicators(tx, A));
		expect(team).toHaveLength(2);
		const pub = await as(db, null, (tx) => listIndicators(tx, A));
		expect(pub).toHaveLength(1);
		expect(pub[0].values).toEqual([
			expect.objectContaining({ measuredOn: '2026-03-01', value: 10 })
		]);
		expect(pub[0].progress.share).toBeCloseTo(0.25);
		expect(pub[0].goalKey).toBe('g1');
		await expect(
			as(db, null, (tx) =>
				tx.query(
					'insert into public.indicator_values (community_id, indicator_id, measured_on, value) values ($1, $2, now(), 1)',
					[A, created.id]
				)
			)
		).rejects.toThrow(DENIED);
	});

	it('publishes an update only in both languages, and only published ones are public', async () => {
		const draft = await as(db, people.organizerA, (tx) =>
			saveProgressUpdate(tx, A, {
				areaId: AREA.A,
				goalKey: null,
				youSaid: { en: 'Rents are too high', fr: 'Les loyers sont trop chers' },
				weDid: { en: 'Repair grants opened', fr: '' }
			})
		);
		expect(draft.ok).toBe(true);
		if (!draft.ok) return;
		expect(await as(db, people.organizerA, (tx) => publishProgressUpdate(tx, A, draft.id))).toEqual(
			{
				ok: false,
				error: 'actions.errors.translations_missing',
				problems: { 'weDid.fr': 'questionnaire_errors.translation_missing_fr' }
			}
		);
		expect(await as(db, null, (tx) => listPublishedUpdates(tx, A))).toEqual([]);
		// the table itself refuses a published update missing a language, whatever the server does
		await expect(
			as(db, people.ownerA, (tx) =>
				tx.query('update public.progress_updates set published_at = now() where id = $1', [
					draft.id
				])
			)
		).rejects.toThrow(/progress_updates_published_bilingual/);

		await as(db, people.organizerA, (tx) =>
			saveProgressUpdate(tx, A, {
				id: draft.id,
				areaId: AREA.A,
				goalKey: 'g2',
				youSaid: { en: 'Rents are too high', fr: 'Les loyers sont trop chers' },
				weDid: { en: 'Repair grants opened', fr: 'Des subventions ouvertes' }
			})
		);
		expect(await as(db, people.analystA, (tx) => publishProgressUpdate(tx, A, draft.id))).toEqual({
			ok: false,
			error: 'actions.errors.not_found'
		});
		expect(
			await as(db, people.organizerA, (tx) => publishProgressUpdate(tx, A, draft.id))
		).toMatchObject({ ok: true });
		const published = await as(db, null, (tx) => listPublishedUpdates(tx, A));
		expect(published).toHaveLength(1);
		expect(published[0]).toMatchObject({
			weDid: { fr: 'Des subventions ouvertes' },
			goalKey: 'g2'
		});
		expect(
			await as(db, people.outsider, (tx) =>
				saveProgressUpdate(tx, A, {
					areaId: AREA.A,
					goalKey: null,
					youSaid: { en: 'x', fr: 'x' },
					weDid: { en: 'x', fr: 'x' }
				})
			)
		).toEqual({ ok: false, error: 'actions.errors.not_allowed' });
	});

	it('compares only the communities a person belongs to, with counts by role', async () => {
		const owner = await as(db, people.ownerA, (tx) => compareCommunities(tx));
		expect(owner.map((c) => c.slug)).toEqual(['community-a']);
		expect(owner[0]).toMatchObject({ counted: true, participants: 0 });
		expect(owner[0].priorities).toEqual([
			{ id: AREA.A, name: { en: 'Housing', fr: 'Logement' }, participants: 0 }
		]);
		const volunteer = await as(db, people.volunteerA, (tx) => compareCommunities(tx));
		expect(volunteer[0]).toMatchObject({ counted: false, participants: null, priorities: [] });
		expect(await as(db, people.outsider, (tx) => compareCommunities(tx))).toEqual([]);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/types';
import { listSourceItems } from '../../src/lib/server/coding/item-sources';
import { codeItems } from '../../src/lib/server/coding/code-items';
import { communitySummary } from '../../src/lib/server/reports/community-summary';
import { loadPublicCommunity } from '../../src/lib/server/reports/public-community';
import { publishSummary } from '../../src/lib/server/reports/publish-summary';
import { closeEndorsement } from '../../src/lib/server/vision/close-endorsement';
import {
	endorsementByDevice,
	endorsementDeviceHash,
	endorseVision
} from '../../src/lib/server/vision/endorse-vision';
import { loadEndorsementResults } from '../../src/lib/server/vision/endorsement-results';
import {
	listVisionVersions,
	loadPublishedVision,
	type PublishedVision
} from '../../src/lib/server/vision/load-vision';
import { publishVision } from '../../src/lib/server/vision/publish-vision';
import { saveVisionVersion } from '../../src/lib/server/vision/save-vision-version';
import { as, asServiceRole, communities, DENIED, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const { A, B } = communities;
const AREA = 'a7000000-0000-4000-8000-000000000001';
const AREA_B = 'b7000000-0000-4000-8000-000000000001';
const THEME = 'a7100000-0000-4000-8000-000000000001';
const community = { id: A, suppressionK: 5 };

const draft = (fr = 'Un Vanier vert', key = 'g1') => ({
	statement: { en: 'A green Vanier', fr },
	goals: [{ key, text: { en: 'More parks', fr: 'Plus de parcs' }, areas: [AREA] }]
});

describe.each(drivers)('shared vision on %s', (driver) => {
	let db: Db;
	const save = (userId: string, input: unknown, id = A) =>
		as(db, userId, (tx) => saveVisionVersion(tx, id, input));
	const published = () =>
		as(db, null, (tx) => loadPublishedVision(tx, A)) as Promise<PublishedVision>;
	const endorse = async (token: string, endorsement: unknown, profile = {}) =>
		as(db, null, async (tx) =>
			endorseVision(tx, (await loadPublishedVision(tx, A))!, {
				token,
				language: 'fr',
				endorsement,
				profile
			})
		);

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await db.query(
			`insert into public.priority_areas (id, community_id, name) values
			($1, $2, '{"en":"Parks","fr":"Parcs"}'), ($3, $4, '{"en":"B area","fr":"Zone B"}')`,
			[AREA, A, AREA_B, B]
		);
		await db.query(
			`insert into public.themes (id, community_id, code, name) values ($1, $2, 'parks', '{"en":"Parks","fr":"Parcs"}')`,
			[THEME, A]
		);
		await db.query(
			'insert into public.priority_area_themes (community_id, area_id, theme_id) values ($1, $2, $3)',
			[A, AREA, THEME]
		);
	});
	afterAll(() => db.close());

	describe('versions', () => {
		it('saves each version under the next number, with goal keys, for owners and organizers', async () => {
			expect(await save(people.organizerA, draft('', ''))).toEqual({ ok: true, number: 1 });
			expect(await save(people.ownerA, draft())).toEqual({ ok: true, number: 2 });
			const versions = await as(db, people.analystA, (tx) => listVisionVersions(tx, A));
			expect(versions.map((v) => v.number)).toEqual([2, 1]);
			expect(versions[0].goals[0]).toMatchObject({ key: 'g1', areas: [AREA] });
			expect(versions[0].author).toBe('ownerA');
		});

		it('refuses analysts, volunteers, outsiders and anonymous visitors', async () => {
			for (const who of [people.analystA, people.volunteerA, people.outsider, people.ownerB])
				expect(await save(who, { ...draft(), goals: [] })).toEqual({
					ok: false,
					errors: { form: 'vision.errors.not_allowed' }
				});
			await expect(
				as(db, null, (tx) =>
					tx.query(
						`insert into public.vision_versions (community_id, number, statement) values ($1, 99, '{"en":"x","fr":"x"}')`,
						[A]
					)
				)
			).rejects.toThrow(DENIED);
		});

		it('refuses an area of another community and stores nothing', async () => {
			const result = await save(people.ownerA, {
				...draft(),
				goals: [{ key: '', text: { en: 'x', fr: 'x' }, areas: [AREA_B] }]
			});
			expect(result).toEqual({ ok: false, errors: { 'goal.0.area': 'errors.invalid_choice' } });
			expect((await as(db, people.ownerA, (tx) => listVisionVersions(tx, A))).length).toBe(2);
		});

		it('never changes or deletes a version, whoever asks', async () => {
			for (const who of [people.ownerA, people.organizerA])
				for (const sql of [
					`update public.vision_versions set statement = '{"en":"y","fr":"y"}' where community_id = $1`,
					'delete from public.vision_versions where community_id = $1'
				])
					await expect(as(db, who, (tx) => tx.query(sql, [A]))).rejects.toThrow(DENIED);
		});

		it('shows members only their own community’s versions', async () => {
			expect(await as(db, people.ownerB, (tx) => listVisionVersions(tx, A))).toEqual([]);
			expect(await as(db, people.outsider, (tx) => listVisionVersions(tx, A))).toEqual([]);
			expect((await as(db, people.volunteerA, (tx) => listVisionVersions(tx, A))).length).toBe(2);
		});
	});

	describe('publishing', () => {
		it('refuses a version with a missing translation, naming the field', async () => {
			const result = await as(db, people.ownerA, (tx) => publishVision(tx, community, 1));
			expect(result).toMatchObject({
				ok: false,
				problems: [{ field: 'statement.fr', error: 'questionnaire_errors.translation_missing_fr' }]
			});
			expect(await as(db, null, (tx) => loadPublicCommunity(tx, 'community-a'))).toBeNull();
		});

		it('refuses analysts and volunteers', async () => {
			for (const who of [people.analystA, people.volunteerA, people.ownerB])
				expect(await as(db, who, (tx) => publishVision(tx, community, 2))).toMatchObject({
					ok: false
				});
			expect(await as(db, null, (tx) => loadPublishedVision(tx, A))).toBeNull();
		});

		it('publishes for organizers, with the public page’s figures, and never a draft', async () => {
			expect(await as(db, people.organizerA, (tx) => publishVision(tx, community, 2))).toEqual({
				ok: true
			});
			await save(people.ownerA, draft('Un brouillon secret'));
			const page = await as(db, null, (tx) => loadPublicCommunity(tx, 'community-a'));
			expect(page?.vision?.statement).toEqual({ en: 'A green Vanier', fr: 'Un Vanier vert' });
			expect(page?.summary?.summary.priorities.map((p) => p.name.en)).toEqual(['Parks']);
			// anyone reads published versions only: not versions 1 and 3
			const readable = await as(db, null, (tx) =>
				tx.query<{ number: number }>('select number from public.vision_versions order by 1')
			);
			expect(readable.map((r) => r.number)).toEqual([2]);
			expect(JSON.stringify(page)).not.toContain('brouillon');
			// another community shows nothing
			expect(await as(db, null, (tx) => loadPublicCommunity(tx, 'community-b'))).toBeNull();
		});

		it('lets only owners and organizers publish summaries or close a round', async () => {
			for (const who of [people.analystA, people.volunteerA, people.ownerB])
				expect(await as(db, who, (tx) => publishSummary(tx, community))).toMatchObject({
					ok: false
				});
			await expect(
				as(db, null, (tx) =>
					tx.query(
						`insert into public.public_summaries (community_id, summary) values ($1, '{}')`,
						[A]
					)
				)
			).rejects.toThrow(DENIED);
			const { publication } = await published();
			for (const who of [people.analystA, people.volunteerA, people.ownerB, people.outsider])
				expect(await as(db, who, (tx) => closeEndorsement(tx, A, publication.id))).toBe(false);
		});
	});

	describe('endorsement', () => {
		it('records one response per phone, replaced while open, profile apart', async () => {
			const token = 'phone-one';
			expect(
				await endorse(
					token,
					{ statement: 'agree', goals: { g1: 'partly' }, comment: '' },
					{
						age_group: '25_34'
					}
				)
			).toEqual({ ok: true, outcome: 'created' });
			expect(
				await endorse(token, {
					statement: 'partly',
					goals: {},
					comment: 'Plus d’arbres sur Montréal'
				})
			).toEqual({ ok: true, outcome: 'replaced' });
			const { publication } = await published();
			expect(await as(db, null, (tx) => endorsementByDevice(tx, publication.id, token))).toEqual({
				statement: 'partly',
				goals: {},
				comment: 'Plus d’arbres sur Montréal',
				profile: {}
			});
			const [row] = await asServiceRole(db, (tx) =>
				tx.query<{ n: number }>(
					'select count(*)::int as n from public.vision_endorsements where device_hash = $1',
					[endorsementDeviceHash(publication.id, token)]
				)
			);
			expect(row.n).toBe(1);
		});

		it('refuses bad answers with a reason and stores nothing', async () => {
			expect(await endorse('phone-two', { statement: '', goals: {}, comment: '' })).toEqual({
				ok: false,
				errors: { statement: 'vision.errors.choose_answer' }
			});
			expect(
				await endorse('phone-two', { statement: 'agree', goals: { g9: 'agree' }, comment: '' })
			).toMatchObject({ ok: false });
			const [row] = await asServiceRole(db, (tx) =>
				tx.query<{ n: number }>('select count(*)::int as n from public.vision_endorsements')
			);
			expect(row.n).toBe(1);
		});

		it('lets owners, organizers and analysts read endorsements; nobody else', async () => {
			for (const who of [people.ownerA, people.organizerA, people.analystA])
				for (const table of ['vision_endorsements', 'vision_endorsement_profiles'])
					expect(
						(await as(db, who, (tx) => tx.query(`select * from public.${table}`))).length
					).toBeGreaterThanOrEqual(table === 'vision_endorsements' ? 1 : 0);
			for (const who of [people.volunteerA, people.ownerB, people.outsider])
				expect(
					await as(db, who, (tx) => tx.query('select * from public.vision_endorsements'))
				).toEqual([]);
			await expect(
				as(db, null, (tx) => tx.query('select * from public.vision_endorsements'))
			).rejects.toThrow(DENIED);
			await expect(
				as(db, people.ownerA, (tx) =>
					tx.query(
						`insert into public.vision_endorsements (publication_id, community_id, device_hash, language, statement)
						select id, community_id, 'x', 'en', 'agree' from public.vision_publications limit 1`
					)
				)
			).rejects.toThrow(DENIED);
		});

		it('gives results by group with suppression', async () => {
			// five disagree: one "partly" alone is hidden with its complement, the disagreements
			for (let i = 0; i < 5; i++)
				await endorse(`phone-no-${i}`, { statement: 'disagree', goals: {}, comment: '' });
			for (let i = 0; i < 6; i++)
				await endorse(
					`phone-many-${i}`,
					{ statement: 'agree', goals: { g1: 'agree' }, comment: '' },
					{
						gender: 'woman'
					}
				);
			const { publication, goals } = await published();
			const { results, comments } = await as(db, people.analystA, (tx) =>
				loadEndorsementResults(
					tx,
					publication,
					goals.map((g) => g.key),
					5
				)
			);
			expect(results.responses).toBe(12);
			expect(results.overall.statement.cells[0]).toEqual({
				key: 'agree',
				count: 6,
				suppressed: false
			});
			expect(results.overall.statement.cells.map((c) => c.suppressed)).toEqual([false, true, true]);
			expect(comments).toBe(1);
			const gender = results.byProfile.find((d) => d.dimension === 'gender')!;
			expect(gender.groups).toMatchObject([{ value: 'woman', size: 6 }]);
			const volunteer = await as(db, people.volunteerA, (tx) =>
				loadEndorsementResults(tx, publication, ['g1'], 5)
			);
			expect(volunteer.results.responses).toBe(0);
		});

		it('sends comments to the coding queue, where they can be coded', async () => {
			const items = await as(db, people.analystA, (tx) => listSourceItems(tx, A));
			const comment = items.find((item) => item.kind === 'endorsement');
			expect(comment).toMatchObject({ text: 'Plus d’arbres sur Montréal', language: 'fr' });
			expect(await as(db, people.ownerB, (tx) => listSourceItems(tx, B))).toEqual([]);
			expect(
				await as(db, people.analystA, (tx) =>
					codeItems(tx, { communityId: A, itemKeys: [comment!.key], add: [THEME] })
				)
			).toMatchObject({ ok: true, changes: 1 });
			const summary = await as(db, people.analystA, (tx) => communitySummary(tx, community));
			expect(summary?.priorities[0]).toMatchObject({ participants: null });
		});

		it('refuses answers once the round is closed', async () => {
			const { publication } = await published();
			expect(await as(db, people.organizerA, (tx) => closeEndorsement(tx, A, publication.id))).toBe(
				true
			);
			expect(await endorse('phone-late', { statement: 'agree', goals: {}, comment: '' })).toEqual({
				ok: false,
				errors: { form: 'vision.errors.closed' }
			});
		});
	});
});

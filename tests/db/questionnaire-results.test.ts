import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReceiptCode } from '../../src/lib/domain/responses/receipt';
import { exportRows, toCsv } from '../../src/lib/domain/results/csv';
import { noFilter, type ResultsFilter } from '../../src/lib/domain/results/filters';
import type { QuestionView } from '../../src/lib/domain/results/present';
import { seedDemo } from '../../src/lib/server/db/seed-demo';
import type { Db } from '../../src/lib/server/db/types';
import { loadQuestionnaire } from '../../src/lib/server/questionnaires/load-questionnaire';
import {
	countResponses,
	listResponses,
	questionnaireResults,
	questionsOf,
	responsesForExport
} from '../../src/lib/server/questionnaires/questionnaire-results';
import { submitResponse } from '../../src/lib/server/questionnaires/submit-response';
import { as, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const DEMO = '00000000-0000-4000-8000-000000000100';
const DEMO_COMMUNITY = '00000000-0000-4000-8000-000000000001';
/** The demo community's k. */
const K = 10;
const Q = (n: number) => `00000000-0000-4000-8000-000000000${n}`;

/**
 * Thirty residents: twenty answer in French, ten in English; four on paper; twelve aged 25–34,
 * twelve 35–44, six 65–74.
 */
function answersOf(i: number) {
	const language: 'en' | 'fr' = i < 20 ? 'fr' : 'en';
	const yes = i % 3 === 0;
	return {
		language,
		channel: i < 26 ? ('online' as const) : ('paper' as const),
		answers: {
			[Q(111)]: i < 15 ? 'over_10' : i < 27 ? '1_5' : 'under_1',
			[Q(112)]: String((i % 5) + 1),
			[Q(113)]: String(i % 11),
			[Q(114)]:
				i % 10 === 1
					? { selected: ['food'], other: 'Bike lanes' }
					: i % 2 === 0
						? ['housing', 'safety']
						: ['parks'],
			[Q(115)]: i < 20 ? ['housing', 'safety', 'green'] : ['transit', 'housing', 'jobs'],
			[Q(116)]: yes ? 'yes' : 'no',
			...(yes ? { [Q(117)]: language === 'fr' ? 'Fête de quartier' : 'Street party' } : {}),
			[Q(118)]: String((i % 4) + 1),
			...(i < 3 ? { [Q(119)]: `Plus d’arbres ${i}` } : {}),
			[Q(121)]: i < 12 ? '25_34' : i < 24 ? '35_44' : '65_74',
			[Q(122)]: language === 'fr' ? 'french' : 'english',
			[Q(123)]: i % 2 ? 'renter' : 'owner'
		}
	};
}

describe.each(drivers)('questionnaire results on %s', (driver) => {
	let db: Db;
	let ownerId: string;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		await seedDemo(db, 'a-demo-password');
		const [owner] = await db.query<{ user_id: string }>(
			`select user_id from public.memberships where community_id = $1`,
			[DEMO_COMMUNITY]
		);
		ownerId = owner.user_id;
		await db.query(
			`insert into public.memberships (community_id, user_id, role)
			values ($1, $2, 'volunteer'), ($1, $3, 'analyst'), ($1, $4, 'organizer')`,
			[DEMO_COMMUNITY, people.volunteerA, people.analystA, people.organizerA]
		);
		// Residents answer without an account, each in a transaction of their own.
		for (let i = 0; i < 30; i++) {
			const { language, channel, answers } = answersOf(i);
			const result = await as(db, null, async (tx) => {
				const loaded = await loadQuestionnaire(tx, { id: DEMO });
				return submitResponse(tx, loaded!, {
					responseId: crypto.randomUUID(),
					receipt: newReceiptCode(),
					channel,
					language,
					answers
				});
			});
			expect(result).toEqual({ ok: true, outcome: 'created' });
		}
	});
	afterAll(() => db.close());

	const questions = async () => {
		const loaded = await as(db, ownerId, (tx) => loadQuestionnaire(tx, { id: DEMO }));
		return questionsOf(loaded!.definition);
	};
	const results = async (who: string, filter: ResultsFilter = noFilter) => {
		const list = await questions();
		return as(db, who, (tx) =>
			questionnaireResults(tx, { questionnaireId: DEMO, questions: list, filter, k: K })
		);
	};
	const shownView = async (who: string, filter: ResultsFilter = noFilter) => {
		const outcome = await results(who, filter);
		if (!outcome.allowed || !outcome.view.shown) throw new Error('view not shown');
		return outcome.view;
	};
	const question = <Kind extends QuestionView['kind']>(
		views: QuestionView[],
		id: string,
		kind: Kind
	) => {
		const view = views.find((v) => v.id === id);
		if (view?.kind !== kind) throw new Error(`${id} is not ${kind}`);
		return view as Extract<QuestionView, { kind: Kind }>;
	};
	const counts = (rows: { value: string; count: number | null }[]) =>
		Object.fromEntries(rows.map((row) => [row.value, row.count]));

	it('counts every question’s answers for the owner, with small cells hidden', async () => {
		const view = await shownView(ownerId);
		expect(view.responses).toBe(30);
		expect(view.k).toBe(K);
		expect(view.questions).toHaveLength(12);

		const length = question(view.questions, Q(111), 'choices');
		// 3 "less than a year" are fewer than k, and so the next smallest cell is hidden too
		expect(counts(length.rows)).toEqual({ under_1: null, '1_5': null, '6_10': 0, over_10: 15 });
		expect(length.rows.find((r) => r.value === 'over_10')?.percent).toBe(50);

		const improve = question(view.questions, Q(114), 'choices');
		expect(counts(improve.rows)).toMatchObject({ housing: 15, safety: 15, parks: 12, food: null });
		// 3 chose "Other": the count is hidden, and so are the 3 texts that would give it away
		expect(improve.otherTexts).toEqual([]);
		expect(improve.otherTextsHidden).toBe(true);
		const change = question(view.questions, Q(119), 'text');
		expect(change).toMatchObject({ answered: { suppressed: true }, texts: [], textsHidden: true });

		const safe = question(view.questions, Q(112), 'scale');
		expect(safe.rows.map((r) => r.count)).toEqual([null, null, null, null, null]);
		expect(safe.mean).toBe(3);

		const household = question(view.questions, Q(118), 'number');
		expect(household).toMatchObject({ median: 2, min: 1, max: 4 });
		expect(household.mean).toBeCloseTo((8 * 1 + 8 * 2 + 7 * 3 + 7 * 4) / 30);

		const priorities = question(view.questions, Q(115), 'ranking');
		expect(priorities.rows[0]).toMatchObject({
			value: 'housing',
			bordaPoints: 20 * 3 + 10 * 2,
			timesRanked: 30
		});
		expect(priorities.rows[0].averageRank).toBeCloseTo((20 + 20) / 30);

		const activity = question(view.questions, Q(117), 'text');
		expect(activity.answered).toEqual({ value: 10, suppressed: false });
		expect(activity.textsHidden).toBe(false);
		expect(activity.texts).toContainEqual({ text: 'Fête de quartier', language: 'fr' });
		expect(activity.texts).toContainEqual({ text: 'Street party', language: 'en' });

		const age = question(view.questions, Q(121), 'choices');
		// 6 aged 65–74 are fewer than k; one of the two groups of 12 is hidden with them
		expect(counts(age.rows)).toMatchObject({ '25_34': null, '35_44': 12, '65_74': null });
	});

	it('filters by a demographic answer, channel and language in SQL', async () => {
		const ages = await shownView(ownerId, { demographics: { age_group: '25_34' } });
		expect(ages.responses).toBe(12);
		expect(counts(question(ages.questions, Q(121), 'choices').rows)).toMatchObject({
			'25_34': 12,
			'35_44': 0
		});

		const english = await shownView(ownerId, { demographics: {}, language: 'en' });
		expect(english.responses).toBe(10);
		// 3 English answers to the activity question: too few to list
		expect(question(english.questions, Q(117), 'text')).toMatchObject({
			texts: [],
			textsHidden: true
		});

		const rows = await as(db, ownerId, (tx) =>
			listResponses(tx, DEMO, { demographics: { housing_tenure: 'renter', age_group: '35_44' } })
		);
		expect(rows).toHaveLength(6);
		for (const row of rows) {
			expect(row.demographics).toMatchObject({ housing_tenure: 'renter', age_group: '35_44' });
			expect(row.answers[Q(111)]).toBeDefined();
			expect(row).not.toHaveProperty('receipt_hash');
		}

		const byChannel = await as(db, ownerId, (tx) =>
			countResponses(tx, DEMO, { demographics: {}, channel: 'paper', language: 'en' })
		);
		expect(byChannel).toEqual({ allowed: true, counts: { size: 4, total: 30, parents: [10, 4] } });
	});

	it('shows nothing for a filtered group of fewer than k, or one whose complement is', async () => {
		const paper = await results(ownerId, { demographics: {}, channel: 'paper' });
		// not even the group's size reaches the page
		expect(paper).toEqual({
			allowed: true,
			view: { shown: false, reason: 'group_too_small', k: K }
		});

		// 26 of 30 online: beside everyone's results it would give away the 4 paper answers
		const online = await results(ownerId, { demographics: {}, channel: 'online' });
		expect(online).toMatchObject({ view: { shown: false, reason: 'complement_too_small' } });

		const older = await results(ownerId, { demographics: { age_group: '65_74' } });
		expect(older).toMatchObject({ view: { shown: false, reason: 'group_too_small' } });

		const nobody = await shownView(ownerId, { demographics: { age_group: '75_plus' } });
		expect(nobody.responses).toBe(0);
	});

	it('lets analysts and organizers see results; volunteers and other teams cannot', async () => {
		for (const who of [people.analystA, people.organizerA]) {
			expect((await shownView(who)).responses).toBe(30);
		}
		for (const who of [people.volunteerA, people.ownerB]) {
			expect(await results(who)).toEqual({ allowed: false });
			expect(await as(db, who, (tx) => listResponses(tx, DEMO, noFilter))).toEqual([]);
		}
	});

	it('exports one row per response, with demographics only when asked', async () => {
		const list = await questions();
		const outcome = await as(db, people.analystA, (tx) =>
			responsesForExport(tx, { questionnaireId: DEMO, filter: noFilter, k: K })
		);
		if (!outcome.ok) throw new Error(outcome.reason);
		const csv = toCsv(exportRows(list, outcome.responses, { lang: 'fr', demographics: false }));
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const [header, ...rows] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
		expect(rows).toHaveLength(30);
		expect(header.slice(0, 5)).toEqual([
			'Nº',
			'Date de la réponse',
			'Mode de collecte',
			'Langue',
			'Depuis combien de temps habitez-vous à Vanier ?'
		]);
		expect(header).not.toContain('Quel est votre âge ?');
		expect(header).toHaveLength(4 + 9);
		expect(rows.map((row) => row[0])).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
		expect(rows.filter((row) => row[2] === 'Papier')).toHaveLength(4);
		expect(rows.filter((row) => row[3] === 'Français')).toHaveLength(20);
		expect(new Set(rows.map((row) => row[4]))).toEqual(
			new Set(['Plus de 10 ans', 'De 1 à 5 ans', 'Moins d’un an'])
		);
		expect(rows.map((row) => row[8])).toContain('1. Logement; 2. Sécurité; 3. Espaces verts');
		expect(rows.map((row) => row[7])).toContain('Accès à l’alimentation; Autre\u00a0: Bike lanes');

		const withAges = exportRows(list, outcome.responses, { lang: 'en', demographics: true });
		expect(withAges[0].slice(-3)).toEqual([
			'What is your age?',
			'Which official language did you learn first and still understand?',
			'Do you own or rent your home?'
		]);
		expect(withAges.slice(1).filter((row) => row.at(-3) === '25 to 34')).toHaveLength(12);
	});

	it('refuses an export for a small group, and to a volunteer', async () => {
		const paper = await as(db, ownerId, (tx) =>
			responsesForExport(tx, {
				questionnaireId: DEMO,
				filter: { demographics: {}, channel: 'paper' },
				k: K
			})
		);
		expect(paper).toEqual({ ok: false, reason: 'too_small', k: K });
		const volunteer = await as(db, people.volunteerA, (tx) =>
			responsesForExport(tx, { questionnaireId: DEMO, filter: noFilter, k: K })
		);
		expect(volunteer).toEqual({ ok: false, reason: 'role', k: K });
	});
});

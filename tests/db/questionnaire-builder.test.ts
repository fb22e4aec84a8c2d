import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formFromQuestion } from '../../src/lib/domain/builder/question-form';
import { translator } from '../../src/lib/i18n';
import type { Db } from '../../src/lib/server/db/types';
import { addQuestion } from '../../src/lib/server/questionnaires/add-question';
import { addSection } from '../../src/lib/server/questionnaires/add-section';
import { createQuestionnaire } from '../../src/lib/server/questionnaires/create-questionnaire';
import { deleteItem } from '../../src/lib/server/questionnaires/delete-item';
import { duplicateQuestion } from '../../src/lib/server/questionnaires/duplicate-question';
import { listQuestionnaires } from '../../src/lib/server/questionnaires/list-questionnaires';
import { loadQuestionnaire } from '../../src/lib/server/questionnaires/load-questionnaire';
import { moveItem } from '../../src/lib/server/questionnaires/move-item';
import { saveQuestion } from '../../src/lib/server/questionnaires/save-question';
import { setQuestionnaireStatus } from '../../src/lib/server/questionnaires/set-questionnaire-status';
import { updateQuestionnaire } from '../../src/lib/server/questionnaires/update-questionnaire';
import { updateSection } from '../../src/lib/server/questionnaires/update-section';
import { as, communities, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

const notAllowed = { ok: false, error: 'builder.errors.not_allowed' };

describe.each(drivers)('questionnaire builder on %s', (driver) => {
	let db: Db;
	let questionnaireId: string;
	const ids = { sections: [] as string[], transport: '', car: '', people: '', copy: '' };

	const organizer = <T>(fn: Parameters<typeof as<T>>[2]) => as(db, people.organizerA, fn);
	const load = async () =>
		(await organizer((tx) => loadQuestionnaire(tx, { id: questionnaireId })))!.definition;
	/** The stored question as its editor form shows it, with some fields changed. */
	const editedForm = async (questionId: string, changes: Record<string, string>) => {
		const question = (await load()).sections
			.flatMap((section) => section.questions)
			.find((candidate) => candidate.id === questionId)!;
		return { ...formFromQuestion(question), ...changes };
	};
	const save = (
		questionId: string,
		values: Record<string, string>,
		who: string = people.organizerA
	) => as(db, who, (tx) => saveQuestion(tx, { questionnaireId, questionId, values }));

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
	});
	afterAll(() => db.close());

	it('creates a draft with one empty section, and refuses a taken web name', async () => {
		const created = await organizer((tx) =>
			createQuestionnaire(tx, {
				communityId: communities.A,
				title: { en: 'Getting around', fr: '' },
				slug: 'getting-around'
			})
		);
		expect(created.ok).toBe(true);
		if (created.ok) questionnaireId = created.id;
		const again = await as(db, people.ownerB, async (tx) => {
			const result = await createQuestionnaire(tx, {
				communityId: communities.B,
				title: { en: 'Other', fr: 'Autre' },
				slug: 'getting-around'
			});
			// the refusal left the transaction usable
			return { result, listed: await listQuestionnaires(tx, communities.B) };
		});
		expect(again).toEqual({
			result: { ok: false, field: 'slug', error: 'builder.errors.slug_taken' },
			listed: []
		});
		const [summary] = await organizer((tx) => listQuestionnaires(tx, communities.A));
		expect(summary).toMatchObject({
			id: questionnaireId,
			slug: 'getting-around',
			status: 'draft',
			isOpen: false,
			questions: 0,
			responses: 0
		});
		const definition = await load();
		expect(definition.sections).toHaveLength(1);
		ids.sections.push(definition.sections[0].id);
	});

	it('adds sections and questions of a chosen type with sensible defaults', async () => {
		const section = await organizer((tx) => addSection(tx, { questionnaireId }));
		expect(section.ok).toBe(true);
		if (section.ok) ids.sections.push(section.id);
		const add = async (sectionId: string, type: 'single_choice' | 'yes_no' | 'number') => {
			const added = await organizer((tx) => addQuestion(tx, { questionnaireId, sectionId, type }));
			if (!added.ok) throw new Error(added.error);
			return added.id;
		};
		ids.transport = await add(ids.sections[0], 'single_choice');
		ids.car = await add(ids.sections[0], 'yes_no');
		ids.people = await add(ids.sections[1], 'number');
		const definition = await load();
		expect(definition.sections.map((s) => s.questions.map((q) => q.type))).toEqual([
			['single_choice', 'yes_no'],
			['number']
		]);
		expect(definition.sections[0].questions[0]).toMatchObject({
			prompt: { en: '', fr: '' },
			required: false,
			options: [
				{ value: '', label: { en: '', fr: '' } },
				{ value: '', label: { en: '', fr: '' } }
			]
		});
	});

	it('refuses invalid questions field by field, naming the form row of an option', async () => {
		const refused = await save(ids.transport, {
			'prompt.en': 'How do you get to work?',
			'prompt.fr': 'Comment allez-vous au travail ?',
			'options.0.value': '',
			'options.0.label.en': 'Bus',
			'options.0.label.fr': 'Autobus',
			'options.1.value': '',
			'options.1.label.en': '',
			'options.1.label.fr': '',
			'options.2.value': '',
			'options.2.label.en': 'Car',
			'options.2.label.fr': 'x'.repeat(2001)
		});
		expect(refused).toEqual({ ok: false, errors: { 'options.2.label.fr': 'errors.too_long' } });

		const tooFew = await save(ids.transport, {
			'prompt.en': 'How?',
			'options.0.label.en': 'Bus'
		});
		expect(tooFew).toEqual({
			ok: false,
			errors: { options: 'questionnaire_errors.too_few_options' }
		});

		const badNumber = await save(ids.people, { 'prompt.en': 'People', min: 'many', max: '-1' });
		expect(badNumber).toEqual({ ok: false, errors: { min: 'errors.invalid' } });
		const inverted = await save(ids.people, { 'prompt.en': 'People', min: '5', max: '1,5' });
		expect(inverted).toEqual({
			ok: false,
			errors: { max: 'questionnaire_errors.range_inverted' }
		});
		// nothing was stored
		expect((await load()).sections[0].questions[0].prompt).toEqual({ en: '', fr: '' });
	});

	it('saves a valid question, making keys for new options from their English labels', async () => {
		expect(
			await save(ids.transport, {
				'prompt.en': 'How do you get to work?',
				'prompt.fr': 'Comment allez-vous au travail ?',
				required: 'on',
				'options.0.value': '',
				'options.0.label.en': 'Bus',
				'options.0.label.fr': 'Autobus',
				'options.1.value': '',
				'options.1.label.en': '',
				'options.1.label.fr': '',
				'options.2.value': '',
				'options.2.label.en': 'Car',
				'options.2.label.fr': ''
			})
		).toEqual({ ok: true });
		expect(
			await save(ids.car, {
				'prompt.en': 'Do you own a car?',
				'prompt.fr': 'Avez-vous une auto ?',
				'condition.questionId': ids.transport,
				'condition.operator': 'equals',
				// a label works as well as the key
				'condition.value': 'car'
			})
		).toEqual({ ok: true });
		expect(await save(ids.people, { 'prompt.en': 'People', min: '1', max: '20' })).toEqual({
			ok: true
		});
		const [first] = (await load()).sections;
		expect(first.questions[0]).toMatchObject({
			required: true,
			options: [
				{ value: 'bus', label: { en: 'Bus', fr: 'Autobus' } },
				{ value: 'car', label: { en: 'Car', fr: '' } }
			]
		});
		expect(first.questions[1].condition).toEqual({
			questionId: ids.transport,
			operator: 'equals',
			value: 'car'
		});
	});

	it('refuses a condition on a later question or with a value the question cannot have', async () => {
		expect(
			await save(ids.transport, {
				'prompt.en': 'How?',
				'options.0.value': 'bus',
				'options.0.label.en': 'Bus',
				'options.1.value': 'car',
				'options.1.label.en': 'Car',
				'condition.questionId': ids.car,
				'condition.operator': 'equals',
				'condition.value': 'yes'
			})
		).toEqual({
			ok: false,
			errors: { 'condition.questionId': 'questionnaire_errors.condition_not_earlier' }
		});
		const section = (values: Record<string, string>) =>
			organizer((tx) => updateSection(tx, { questionnaireId, sectionId: ids.sections[1], values }));
		expect(
			await section({
				'title.en': 'You',
				'condition.questionId': ids.car,
				'condition.operator': 'at_least',
				'condition.value': 'yes'
			})
		).toEqual({
			ok: false,
			errors: { 'condition.operator': 'questionnaire_errors.condition_unsupported' }
		});
		expect(
			await section({
				'title.en': 'You',
				'condition.questionId': ids.car,
				'condition.operator': 'equals',
				'condition.value': 'maybe'
			})
		).toEqual({ ok: false, errors: { 'condition.value': 'questionnaire_errors.condition_value' } });
	});

	it('moves sections and questions, keeping positions dense and conditions looking back', async () => {
		const move = (kind: 'section' | 'question', id: string, direction: 'up' | 'down') =>
			organizer((tx) => moveItem(tx, { questionnaireId, kind, id, direction }));
		const order = async () =>
			(await load()).sections.map((s) => [s.id, s.questions.map((q) => q.id)]);

		// "Do you own a car?" depends on the question above it
		expect(await move('question', ids.car, 'up')).toEqual({
			ok: false,
			error: 'builder.errors.move_breaks_condition'
		});
		expect(await move('question', ids.transport, 'up')).toEqual({
			ok: false,
			error: 'builder.errors.cannot_move'
		});
		// the first question of section 2 moves up to the end of section 1, and back
		expect(await move('question', ids.people, 'up')).toEqual({ ok: true });
		expect(await order()).toEqual([
			[ids.sections[0], [ids.transport, ids.car, ids.people]],
			[ids.sections[1], []]
		]);
		expect(await move('question', ids.people, 'down')).toEqual({ ok: true });
		expect(await move('section', ids.sections[1], 'up')).toEqual({
			ok: true
		});
		expect((await order()).map(([id]) => id)).toEqual([ids.sections[1], ids.sections[0]]);
		expect(await move('section', ids.sections[1], 'down')).toEqual({ ok: true });
		const positions = await db.query<{ section_id: string; position: number }>(
			`select section_id, position from public.questions where questionnaire_id = $1
			order by section_id = $2 desc, position`,
			[questionnaireId, ids.sections[0]]
		);
		expect(positions.map((row) => row.position)).toEqual([0, 1, 0]);
	});

	it('duplicates a question right after itself with the same option keys', async () => {
		const copy = await organizer((tx) =>
			duplicateQuestion(tx, { questionnaireId, questionId: ids.transport })
		);
		expect(copy.ok).toBe(true);
		if (copy.ok) ids.copy = copy.id;
		const [first] = (await load()).sections;
		expect(first.questions.map((q) => q.id)).toEqual([ids.transport, ids.copy, ids.car]);
		expect(first.questions[1]).toMatchObject({
			type: 'single_choice',
			options: first.questions[0].type === 'single_choice' ? first.questions[0].options : []
		});
		expect(ids.copy).not.toBe(ids.transport);
		// a question others depend on is not deleted; the copy is
		expect(
			await organizer((tx) =>
				deleteItem(tx, { questionnaireId, kind: 'question', id: ids.transport })
			)
		).toEqual({ ok: false, error: 'builder.errors.has_dependents' });
		expect(
			await organizer((tx) => deleteItem(tx, { questionnaireId, kind: 'question', id: ids.copy }))
		).toEqual({ ok: true });
		const positions = await db.query<{ position: number }>(
			'select position from public.questions where section_id = $1 order by position',
			[ids.sections[0]]
		);
		expect(positions.map((row) => row.position)).toEqual([0, 1]);
	});

	it('refuses to publish while anything is missing, naming each problem, then publishes', async () => {
		const refused = await organizer((tx) =>
			setQuestionnaireStatus(tx, { questionnaireId, action: 'publish' }, 'en')
		);
		expect(refused.ok).toBe(false);
		const problems = 'problems' in refused ? refused.problems : [];
		expect(problems.map((p) => `${p.path}: ${p.language ?? p.error}`)).toEqual([
			'Questionnaire › title: fr',
			'Section 1 › title: en',
			'Section 1 › title: fr',
			'Section 1 › Question 1 › option "Car": fr',
			'Section 2 › title: en',
			'Section 2 › title: fr',
			'Section 2 › Question 1 › question text: fr'
		]);
		expect(problems[3]).toEqual({
			path: 'Section 1 › Question 1 › option "Car"',
			field: 'sections.0.questions.0.options.1.label',
			language: 'fr',
			error: 'questionnaire_errors.translation_missing_fr'
		});
		const french = await organizer((tx) =>
			setQuestionnaireStatus(tx, { questionnaireId, action: 'publish' }, 'fr')
		);
		expect('problems' in french && french.problems[3].path).toBe(
			`Section 1 › Question 1 › ${translator('fr')('questionnaire.publish.option', { label: 'Car' })}`
		);

		expect(
			await organizer((tx) =>
				updateQuestionnaire(tx, {
					questionnaireId,
					title: { en: 'Getting around', fr: 'Se déplacer' },
					intro: { en: '', fr: '' },
					opensAt: null,
					closesAt: null
				})
			)
		).toEqual({ ok: true });
		for (const [sectionId, en, fr] of [
			[ids.sections[0], 'Travel', 'Déplacements'],
			[ids.sections[1], 'You', 'Vous']
		])
			expect(
				await organizer((tx) =>
					updateSection(tx, {
						questionnaireId,
						sectionId,
						values: { 'title.en': en, 'title.fr': fr }
					})
				)
			).toEqual({ ok: true });
		expect(
			await save(ids.transport, await editedForm(ids.transport, { 'options.1.label.fr': 'Auto' }))
		).toEqual({ ok: true });
		expect(
			await save(ids.people, await editedForm(ids.people, { 'prompt.fr': 'Personnes' }))
		).toEqual({ ok: true });

		expect(
			await organizer((tx) => setQuestionnaireStatus(tx, { questionnaireId, action: 'publish' }))
		).toEqual({ ok: true, status: 'open' });
		expect(
			await organizer((tx) => setQuestionnaireStatus(tx, { questionnaireId, action: 'publish' }))
		).toEqual({ ok: false, error: 'builder.errors.wrong_status' });
	});

	it('once answered, refuses edits that change what answers mean but takes rewording', async () => {
		await as(db, null, (tx) =>
			tx.query(
				`select public.save_response($1, $2, 'online', 'en', 'receipt', $3::jsonb, '{}'::jsonb)`,
				[crypto.randomUUID(), questionnaireId, JSON.stringify({ [ids.transport]: 'bus' })]
			)
		);
		const [summary] = await organizer((tx) => listQuestionnaires(tx, communities.A));
		expect(summary).toMatchObject({ status: 'open', isOpen: true, responses: 1 });

		const removed = await save(
			ids.transport,
			await editedForm(ids.transport, {
				'options.1.remove': 'on',
				'options.2.label.en': 'Walking',
				'options.2.label.fr': 'À pied'
			})
		);
		expect(removed).toEqual({
			ok: false,
			meaningChanges: [{ questionId: ids.transport, kind: 'option_removed', detail: 'car' }]
		});
		const rekeyed = await save(
			ids.transport,
			await editedForm(ids.transport, { 'options.0.value': 'transit' })
		);
		expect(rekeyed).toEqual({
			ok: false,
			meaningChanges: [
				{ questionId: ids.transport, kind: 'option_value_changed', detail: 'bus → transit' }
			]
		});
		expect(
			await save(
				ids.transport,
				await editedForm(ids.transport, {
					'options.0.label.en': 'City bus',
					'options.0.label.fr': 'Autobus de la ville',
					'options.3.label.en': 'Bike',
					'options.3.label.fr': 'Vélo'
				})
			)
		).toEqual({ ok: true });
		const [first] = (await load()).sections;
		expect(first.questions[0]).toMatchObject({
			options: [
				{ value: 'bus', label: { en: 'City bus' } },
				{ value: 'car' },
				{ value: 'bike', label: { fr: 'Vélo' } }
			]
		});
		expect(
			await organizer((tx) =>
				deleteItem(tx, { questionnaireId, kind: 'section', id: ids.sections[0] })
			)
		).toEqual({ ok: false, error: 'builder.errors.has_answers' });
	});

	it('closes now and reopens', async () => {
		const status = (action: 'close' | 'reopen') =>
			organizer((tx) => setQuestionnaireStatus(tx, { questionnaireId, action }));
		expect(await status('close')).toEqual({ ok: true, status: 'closed' });
		const [closed] = await organizer((tx) => listQuestionnaires(tx, communities.A));
		expect(closed).toMatchObject({ status: 'closed', isOpen: false });
		expect(await status('close')).toEqual({ ok: false, error: 'builder.errors.wrong_status' });
		expect(await status('reopen')).toEqual({ ok: true, status: 'open' });
	});

	it('refuses analysts, volunteers and other teams, changing nothing', async () => {
		const before = await load();
		for (const who of [people.analystA, people.volunteerA, people.ownerB]) {
			const refused = [
				await as(db, who, (tx) =>
					createQuestionnaire(tx, {
						communityId: communities.A,
						title: { en: 'Mine', fr: 'À moi' },
						slug: `by-${who.slice(-4)}`
					})
				),
				await as(db, who, (tx) => addSection(tx, { questionnaireId })),
				await as(db, who, (tx) =>
					moveItem(tx, { questionnaireId, kind: 'section', id: ids.sections[1], direction: 'up' })
				),
				await as(db, who, (tx) => setQuestionnaireStatus(tx, { questionnaireId, action: 'close' }))
			];
			// The analyst sees the questionnaire, so RLS is what refuses; others are not shown it.
			const expected =
				who === people.analystA
					? [notAllowed, notAllowed, notAllowed, notAllowed]
					: [notAllowed, notAllowed, expect.anything(), expect.anything()];
			expect(refused).toEqual(expected);
		}
		expect(await save(ids.car, await editedForm(ids.car, {}), people.analystA)).toEqual(notAllowed);
		expect(
			await as(db, people.analystA, (tx) =>
				addQuestion(tx, { questionnaireId, sectionId: ids.sections[1], type: 'yes_no' })
			)
		).toEqual(notAllowed);
		expect(
			await as(db, people.analystA, (tx) =>
				duplicateQuestion(tx, { questionnaireId, questionId: ids.car })
			)
		).toEqual(notAllowed);
		expect(
			await as(db, people.analystA, (tx) =>
				deleteItem(tx, { questionnaireId, kind: 'question', id: ids.people })
			)
		).toEqual(notAllowed);
		expect(await load()).toEqual(before);
	});
});

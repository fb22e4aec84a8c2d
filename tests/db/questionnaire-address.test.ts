import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveOptionRow } from '../../src/lib/domain/builder/option-order';
import { formFromQuestion } from '../../src/lib/domain/builder/question-form';
import type { Db } from '../../src/lib/server/db/types';
import { addQuestion } from '../../src/lib/server/questionnaires/add-question';
import { changeQuestionnaireSlug } from '../../src/lib/server/questionnaires/change-questionnaire-slug';
import { createQuestionnaire } from '../../src/lib/server/questionnaires/create-questionnaire';
import { loadQuestionnaire } from '../../src/lib/server/questionnaires/load-questionnaire';
import { saveQuestion } from '../../src/lib/server/questionnaires/save-question';
import { as, communities, people, seedTwoCommunities } from './fixtures';
import { drivers, migratedDb } from './harness';

describe.each(drivers)('a questionnaire’s address and its options’ order on %s', (driver) => {
	let db: Db;
	let draft: string;

	const create = (slug: string) =>
		as(db, people.organizerA, (tx) =>
			createQuestionnaire(tx, { communityId: communities.A, slug, title: { en: 'T', fr: 'T' } })
		);
	const rename = (who: string, questionnaireId: string, slug: string) =>
		as(db, who, (tx) => changeQuestionnaireSlug(tx, { questionnaireId, slug }));
	const slugOf = async (id: string) =>
		(
			await db.query<{ slug: string }>('select slug from public.questionnaires where id = $1', [id])
		)[0].slug;

	beforeAll(async () => {
		db = await migratedDb(driver);
		await seedTwoCommunities(db);
		const created = await create('first-name');
		if (!created.ok) throw new Error('not created');
		draft = created.id;
		await create('taken-name');
	});
	afterAll(() => db.close());

	it('changes a draft’s web name, and refuses one another questionnaire has', async () => {
		expect(await rename(people.organizerA, draft, 'second-name')).toEqual({ ok: true });
		expect(await slugOf(draft)).toBe('second-name');
		expect(await rename(people.organizerA, draft, 'taken-name')).toEqual({
			ok: false,
			field: 'slug',
			error: 'builder.errors.slug_taken'
		});
		expect(await rename(people.ownerA, draft, 'second-name')).toEqual({ ok: true });
		expect(await slugOf(draft)).toBe('second-name');
	});

	it('refuses analysts, volunteers and other teams, changing nothing', async () => {
		for (const who of [people.analystA, people.volunteerA, people.ownerB])
			expect(await rename(who, draft, 'by-someone-else')).toEqual({
				ok: false,
				error: 'builder.errors.not_allowed'
			});
		expect(await slugOf(draft)).toBe('second-name');
	});

	it('keeps the address of a questionnaire once published', async () => {
		await db.query(`update public.questionnaires set status = 'closed' where id = $1`, [draft]);
		try {
			expect(await rename(people.organizerA, draft, 'third-name')).toEqual({
				ok: false,
				field: 'slug',
				error: 'questionnaire_address.published'
			});
			expect(await slugOf(draft)).toBe('second-name');
		} finally {
			await db.query(`update public.questionnaires set status = 'draft' where id = $1`, [draft]);
		}
	});

	it('saves options in their new order, also once the questionnaire has answers', async () => {
		const sectionId = (
			await db.query<{ id: string }>(
				'select id from public.questionnaire_sections where questionnaire_id = $1',
				[draft]
			)
		)[0].id;
		const added = await as(db, people.organizerA, (tx) =>
			addQuestion(tx, { questionnaireId: draft, sectionId, type: 'single_choice' })
		);
		if (!added.ok) throw new Error('not added');
		const question = async () =>
			(await as(db, people.organizerA, (tx) => loadQuestionnaire(tx, { id: draft })))!.definition
				.sections[0].questions[0];
		const values = {
			...formFromQuestion(await question()),
			'prompt.en': 'How?',
			'prompt.fr': 'Comment ?',
			'options.0.label.en': 'Bus',
			'options.0.label.fr': 'Autobus',
			'options.1.label.en': 'Walk',
			'options.1.label.fr': 'À pied'
		};
		const save = (form: Record<string, string>) =>
			as(db, people.organizerA, (tx) =>
				saveQuestion(tx, { questionnaireId: draft, questionId: added.id, values: form })
			);
		expect(await save(values)).toEqual({ ok: true });
		const stored = formFromQuestion(await question());
		// a response arrives: options may no longer be removed, but they may move
		await db.query(`update public.questionnaires set status = 'open' where id = $1`, [draft]);
		await db.query(
			`select public.save_response(gen_random_uuid(), $1, 'online', 'en', 'r', '{}'::jsonb, '{}'::jsonb)`,
			[draft]
		);
		const moved = moveOptionRow(stored, { list: 'options', row: 1, direction: 'up' });
		expect(await save(moved!.values)).toEqual({ ok: true });
		const options = (await question()) as { options?: { value: string }[] };
		expect(options.options?.map((option) => option.value)).toEqual(['walk', 'bus']);
	});
});

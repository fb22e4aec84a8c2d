import { describe, expect, it } from 'vitest';
import {
	allQuestions,
	publishProblems,
	questionnaireDefinition
} from '../../src/lib/domain/questionnaires';
import { loadQuestionnaire } from '../../src/lib/server/questionnaires/load-questionnaire';
import { seedDemo } from '../../src/lib/server/db/seed-demo';
import { as } from './fixtures';
import { drivers, migratedDb } from './harness';

describe.each(drivers)('the demo seed on %s', (driver) => {
	it('opens a valid, fully translated twelve-question questionnaire to anyone', async () => {
		const db = await migratedDb(driver);
		await seedDemo(db, 'a-demo-password');
		const loaded = await as(db, null, (tx) => loadQuestionnaire(tx, { slug: 'vanier-2026' }));
		await db.close();
		expect(loaded?.meta).toMatchObject({
			isOpen: true,
			// the demo community, vanier
			communityId: '00000000-0000-4000-8000-000000000001'
		});
		const definition = questionnaireDefinition.parse(loaded!.definition);
		expect(allQuestions(definition)).toHaveLength(12);
		expect(publishProblems(definition)).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import { questionnaireDefinition, validateResponse } from '../../src/lib/domain/questionnaires';
import { loadQuestionnaire } from '../../src/lib/server/questionnaires/load-questionnaire';
import { seedDemo } from '../../src/lib/server/db/seed-demo';
import { as } from '../../tests/db/fixtures';
import { migratedDb } from '../../tests/db/harness';
import { demoAnswers, seededRandom } from './demo-response.js';

describe('the benchmark’s generated responses', () => {
	it('are valid answers to the demo questionnaire', async () => {
		const db = await migratedDb('pglite');
		await seedDemo(db, 'a-demo-password');
		const loaded = await as(db, null, (tx) => loadQuestionnaire(tx, { slug: 'vanier-2026' }));
		await db.close();
		const definition = questionnaireDefinition.parse(loaded!.definition);
		const random = seededRandom(42);
		for (let i = 0; i < 200; i++) {
			const result = validateResponse(definition, demoAnswers(random));
			expect(result.ok ? 'ok' : result.errors).toBe('ok');
		}
	});
});

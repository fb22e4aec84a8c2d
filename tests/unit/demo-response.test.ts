import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { questionnaireDefinition, validateResponse } from '../../src/lib/domain/questionnaires';
import { normalizeReceipt } from '../../src/lib/domain/responses/receipt';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { loadQuestionnaire } from '../../src/lib/server/questionnaires/load-questionnaire';
import { seedDemo } from '../../src/lib/server/db/seed-demo';
import { as } from '../db/fixtures';
import { migratedDb } from '../db/harness';
import {
	demoAnswers,
	receiptCode,
	receiptHash,
	seededRandom,
	storedForm
} from '../../bench/lib/demo-response.js';

describe('the benchmark’s generated responses', () => {
	it('are valid answers to the demo questionnaire, stored as the server stores them', async () => {
		const db = await migratedDb('pglite');
		await seedDemo(db, 'a-demo-password');
		const loaded = await as(db, null, (tx) => loadQuestionnaire(tx, { slug: 'vanier-2026' }));
		await db.close();
		const definition = questionnaireDefinition.parse(loaded!.definition);
		const random = seededRandom(42);
		for (let i = 0; i < 200; i++) {
			const answers = demoAnswers(random);
			const result = validateResponse(definition, answers);
			expect(result.ok ? 'ok' : result.errors).toBe('ok');
			// the raw-insert benchmark writes storedForm() where the server writes the validated form
			expect(storedForm(answers)).toEqual({
				answers: result.ok && result.answers,
				demographics: result.ok && result.demographics
			});
		}
	});

	it('carry receipt codes the server accepts, hashed as the server hashes them', () => {
		for (let i = 0; i < 50; i++) {
			const receipt = receiptCode(randomBytes(12));
			expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
			const canonical = normalizeReceipt(receipt);
			expect(canonical).not.toBeNull();
			expect(receiptHash(receipt)).toBe(hashToken(canonical!));
		}
	});
});

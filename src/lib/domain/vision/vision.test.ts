import { describe, expect, it } from 'vitest';
import { assignGoalKeys, draftFromForm, publishProblems, visionDraftSchema } from './vision';

const AREA = '6f1c1b8e-2d5a-4d1e-9a53-1f6f5d0c9a11';

describe('draftFromForm', () => {
	it('reads the statement and goal rows with their areas, dropping blank rows', () => {
		const draft = draftFromForm([
			['statement.en', 'Together'],
			['statement.fr', 'Ensemble'],
			['goal.0.key', 'g1'],
			['goal.0.en', 'Parks'],
			['goal.0.fr', ''],
			['goal.0.area', AREA],
			['goal.1.key', ''],
			['goal.1.en', ''],
			['goal.1.fr', '']
		]);
		expect(visionDraftSchema.parse(draft)).toEqual({
			statement: { en: 'Together', fr: 'Ensemble' },
			goals: [{ key: 'g1', text: { en: 'Parks', fr: '' }, areas: [AREA] }]
		});
	});

	it('refuses an area that is not an id', () => {
		const draft = draftFromForm([
			['goal.0.en', 'Parks'],
			['goal.0.area', 'parks']
		]);
		expect(visionDraftSchema.safeParse(draft).success).toBe(false);
	});
});

describe('assignGoalKeys', () => {
	const goal = (key: string) => ({ key, text: { en: 'x', fr: 'x' }, areas: [] });
	it('keeps keys, gives new goals keys above any used before, never twice', () => {
		expect(
			assignGoalKeys([goal('g2'), goal(''), goal('g2')], [{ key: 'g5' }]).map((g) => g.key)
		).toEqual(['g2', 'g6', 'g7']);
	});
});

describe('publishProblems', () => {
	it('names every missing translation by field and goal number', () => {
		const problems = publishProblems({
			statement: { en: 'Together', fr: '' },
			goals: [
				{ key: 'g1', text: { en: 'Parks', fr: 'Parcs' }, areas: [] },
				{ key: 'g2', text: { en: '', fr: 'Logement' }, areas: [] }
			]
		});
		expect(problems.map((p) => [p.field, p.number, p.error])).toEqual([
			['statement.fr', undefined, 'questionnaire_errors.translation_missing_fr'],
			['goal.1.en', 2, 'questionnaire_errors.translation_missing_en']
		]);
	});

	it('has nothing to say about a complete vision', () => {
		expect(publishProblems({ statement: { en: 'Together', fr: 'Ensemble' }, goals: [] })).toEqual(
			[]
		);
	});
});

import { describe, expect, it } from 'vitest';
import {
	endorsementFromForm,
	endorsementResults,
	endorsementSchema,
	type CountedEndorsement
} from './endorsement';

describe('endorsement form', () => {
	const schema = endorsementSchema(['g1', 'g2']);
	it('reads the statement, answered goals and a comment', () => {
		const parsed = schema.parse(
			endorsementFromForm({ statement: 'agree', 'goal.g1': 'partly', 'goal.g2': '', comment: ' ' })
		);
		expect(parsed).toEqual({ statement: 'agree', goals: { g1: 'partly' }, comment: null });
	});

	it('refuses a missing statement answer and unknown goals', () => {
		const missing = schema.safeParse(endorsementFromForm({}));
		expect(missing.error?.issues[0]).toMatchObject({
			path: ['statement'],
			message: 'vision.errors.choose_answer'
		});
		expect(
			schema.safeParse(endorsementFromForm({ statement: 'agree', 'goal.g9': 'agree' })).success
		).toBe(false);
		expect(
			schema.safeParse(endorsementFromForm({ statement: 'agree', 'goal.g1': 'maybe' })).success
		).toBe(false);
	});
});

describe('endorsementResults', () => {
	const rows = (n: number, row: CountedEndorsement) => Array.from({ length: n }, () => row);
	const data = [
		...rows(12, { statement: 'agree', goals: { g1: 'agree' }, profile: { age_group: '25_34' } }),
		...rows(6, { statement: 'disagree', goals: {}, profile: { age_group: '25_34' } }),
		...rows(3, {
			statement: 'partly',
			goals: { g1: 'disagree' },
			profile: { age_group: '65_plus' }
		})
	];

	it('hides answers of fewer than k people and a complementary cell', () => {
		const results = endorsementResults(data, ['g1'], ['age_group'], 10);
		expect(results.responses).toBe(21);
		expect(results.overall.statement.cells).toEqual([
			{ key: 'agree', count: 12, suppressed: false },
			{ key: 'partly', count: null, suppressed: true },
			{ key: 'disagree', count: null, suppressed: true }
		]);
		expect(results.overall.g1.total).toBe(15);
	});

	it('hides a small group whole, and the group that would give it away', () => {
		const [age] = endorsementResults(data, ['g1'], ['age_group'], 10).byProfile;
		expect(age.groups).toEqual([
			{ value: '25_34', size: null, items: {} },
			{ value: '65_plus', size: null, items: {} }
		]);
		const big = endorsementResults(
			[...data, ...rows(10, { statement: 'agree', goals: {}, profile: { age_group: '35_44' } })],
			['g1'],
			['age_group'],
			10
		).byProfile[0];
		expect(big.groups.map((g) => [g.value, g.size])).toEqual([
			['25_34', 18],
			['35_44', null],
			['65_plus', null]
		]);
	});

	it('shows nothing at all under k responses', () => {
		const results = endorsementResults(data.slice(0, 4), ['g1'], [], 5);
		expect(results.responses).toBeNull();
		expect(results.overall.statement.total).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { isOverdue, progressTowardTarget } from './progress';

describe('progressTowardTarget', () => {
	it('has no progress before any value', () => {
		expect(progressTowardTarget(10, 20, [])).toEqual({ latest: null, share: null, reached: false });
	});

	it('measures the latest value by date, not by order given', () => {
		const p = progressTowardTarget(10, 20, [
			{ measuredOn: '2026-06-01', value: 15 },
			{ measuredOn: '2026-01-01', value: 12 }
		]);
		expect(p.latest).toBe(15);
		expect(p.share).toBeCloseTo(0.5);
		expect(p.reached).toBe(false);
	});

	it('counts progress downward when the target is below the baseline', () => {
		const p = progressTowardTarget(40, 20, [{ measuredOn: '2026-01-01', value: 30 }]);
		expect(p.share).toBeCloseTo(0.5);
		const worse = progressTowardTarget(40, 20, [{ measuredOn: '2026-01-01', value: 50 }]);
		expect(worse.share).toBeCloseTo(-0.5);
	});

	it('marks a target reached or passed', () => {
		expect(progressTowardTarget(0, 100, [{ measuredOn: '2026-01-01', value: 120 }]).reached).toBe(
			true
		);
	});

	it('has no share when the target equals the baseline', () => {
		const p = progressTowardTarget(5, 5, [{ measuredOn: '2026-01-01', value: 5 }]);
		expect(p.share).toBeNull();
		expect(p.reached).toBe(true);
	});
});

describe('isOverdue', () => {
	it('is overdue only past the due day and not done', () => {
		expect(isOverdue({ status: 'planned', dueOn: '2026-01-01' }, '2026-01-02')).toBe(true);
		expect(isOverdue({ status: 'stalled', dueOn: '2026-01-01' }, '2026-01-01')).toBe(false);
		expect(isOverdue({ status: 'done', dueOn: '2026-01-01' }, '2026-02-01')).toBe(false);
		expect(isOverdue({ status: 'in_progress', dueOn: null }, '2026-02-01')).toBe(false);
	});
});

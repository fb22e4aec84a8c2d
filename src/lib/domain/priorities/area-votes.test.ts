import { describe, expect, it } from 'vitest';
import { standingOf } from './area-votes';

const round = [
	{ optionId: 'housing', points: 40 },
	{ optionId: 'parks', points: 25 },
	{ optionId: 'transit', points: 25 },
	{ optionId: 'safety', points: 3 }
];

describe('standingOf', () => {
	it('places an option by the options with more points, ties sharing a place', () => {
		expect(standingOf(round, 'housing')).toEqual({ points: 40, rank: 1, options: 4 });
		expect(standingOf(round, 'transit')).toEqual({ points: 25, rank: 2, options: 4 });
		expect(standingOf(round, 'parks')).toEqual({ points: 25, rank: 2, options: 4 });
		expect(standingOf(round, 'safety')).toEqual({ points: 3, rank: 4, options: 4 });
	});

	it('knows nothing of an option the round does not have', () => {
		expect(standingOf(round, 'libraries')).toBeNull();
	});
});

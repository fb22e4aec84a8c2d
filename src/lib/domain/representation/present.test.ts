import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDashboard } from './dashboard';
import { presentDimension } from './present';

const tenure = ['owner', 'renter', 'other'];

describe('presentDimension suppression', () => {
	it('hides a small group and its complement, with only a safe upper-bound target', () => {
		const view = presentDimension({
			dimension: 'housing_tenure',
			values: tenure,
			participants: { owner: 40, renter: 12, other: 3 },
			population: { owner: 300, renter: 600, other: 100 },
			totalParticipants: 55,
			threshold: 0.8,
			k: 10
		});
		const [owner, renter, other] = view.groups;
		expect(owner.suppressed).toBe(false);
		expect(other.suppressed).toBe(true);
		// 3 "other" alone would be derivable from the total: the smallest other cell goes too.
		expect(renter.suppressed).toBe(true);
		for (const hidden of [renter, other]) {
			expect(Object.keys(hidden).sort()).toEqual(
				['neededAtMost', 'populationShare', 'suppressed', 'value'].sort()
			);
		}
		// Upper bound from shown numbers only: x/(55 + x) ≥ .8 · .6 = .48 → x ≥ 50.77 → 51.
		expect(renter.suppressed && renter.neededAtMost).toBe(51);
		// The lowest ratio belongs to a hidden group: the min-max index would give it away.
		expect(view.minMaxRatio).toEqual({ value: null, hidden: true });
	});

	it('never shows a count of 1 … k−1 people, whatever the counts', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 5, maxLength: 5 }),
				fc.integer({ min: 5, max: 20 }),
				([owner, renter, other, pnts, unanswered], k) => {
					const total = owner + renter + other + pnts + unanswered;
					const view = presentDimension({
						dimension: 'housing_tenure',
						values: tenure,
						participants: { owner, renter, other, prefer_not_to_say: pnts },
						population: { owner: 1, renter: 1, other: 1 },
						totalParticipants: total,
						threshold: 0.8,
						k
					});
					const shown = [
						...view.groups.flatMap((g) => (g.suppressed ? [] : [g.participants])),
						...[view.preferNotToSay, view.unanswered].flatMap((c) =>
							c.suppressed ? [] : [c.count]
						)
					];
					const hiddenCount =
						view.groups.filter((g) => g.suppressed).length +
						[view.preferNotToSay, view.unanswered].filter((c) => c.suppressed).length;
					return shown.every((n) => n === 0 || n >= k) && hiddenCount !== 1;
				}
			)
		);
	});
});

describe('buildDashboard', () => {
	it('shows nothing below k participants in all', () => {
		expect(
			buildDashboard(
				{ totals: [{ channel: 'online', language: 'en', participants: 7 }], demographics: [] },
				[],
				{ threshold: 0.8, k: 10 }
			)
		).toEqual({ shown: false, k: 10, participants: null });
	});

	it('hides small channels with their complement', () => {
		const dashboard = buildDashboard(
			{
				totals: [
					{ channel: 'online', language: 'en', participants: 30 },
					{ channel: 'paper', language: 'fr', participants: 12 },
					{ channel: 'kiosk', language: 'en', participants: 2 }
				],
				demographics: []
			},
			[],
			{ threshold: 0.8, k: 10 }
		);
		if (!dashboard.shown) throw new Error('hidden');
		expect(Object.fromEntries(dashboard.channels.map((c) => [c.channel, c.count]))).toEqual({
			online: 30,
			paper: null,
			kiosk: null,
			event: 0,
			focus_group: 0,
			interview: 0
		});
	});
});

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'stalled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An action is overdue when its due day has passed and it is not done. Days are 'YYYY-MM-DD'. */
export function isOverdue(
	action: { status: ActionStatus; dueOn: string | null },
	today: string
): boolean {
	return action.dueOn !== null && action.status !== 'done' && action.dueOn < today;
}

/** Today as 'YYYY-MM-DD' in the platform's time zone (Eastern), as due dates are entered. */
export function todayIn(timeZone = 'America/Toronto', now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}

export type Progress = {
	/** the latest value, or null before any was recorded */
	latest: number | null;
	/**
	 * share of the way from baseline to target, 0 at the baseline and 1 at the target; below 0
	 * when things moved away from the target, above 1 past it; null with no value yet or when the
	 * target equals the baseline (no distance to cover)
	 */
	share: number | null;
	reached: boolean;
};

/**
 * Progress toward a target from values over time. Works whichever way the target lies: a
 * target below the baseline (fewer evictions) is progress as values fall.
 */
export function progressTowardTarget(
	baseline: number,
	target: number,
	values: readonly { measuredOn: string; value: number }[]
): Progress {
	if (values.length === 0) return { latest: null, share: null, reached: false };
	const latest = values.reduce((a, b) => (b.measuredOn >= a.measuredOn ? b : a)).value;
	const distance = target - baseline;
	if (distance === 0) return { latest, share: null, reached: latest === target };
	const share = (latest - baseline) / distance;
	return { latest, share, reached: share >= 1 };
}

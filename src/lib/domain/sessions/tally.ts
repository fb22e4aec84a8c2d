import {
	demographicDimensions,
	type DemographicDimension,
	type DemographicDimensionSpec
} from '../questionnaires/demographics';

/*
 * An attendee tally, as on a paper sign-in sheet: for each demographic dimension, how many
 * attendees ticked each option (prefer not to say included). Nobody is named. Attendees who ticked
 * nothing for a dimension are "not recorded", derived rather than typed so the numbers always add
 * up to the session's attendance.
 */

/**
 * The dimensions a sheet can tally: those with standard options. Area of residence has only the
 * options each questionnaire's organizer writes, so a session has none to tally against.
 */
export const tallyDimensions: readonly DemographicDimensionSpec[] = demographicDimensions.filter(
	(spec) => !spec.organizerOptions
);

/** dimension → option value → attendees (only counts above zero are kept) */
export type AttendeeTally = Partial<Record<DemographicDimension, Record<string, number>>>;

export type TallyRow = { dimension: string; value: string; attendees: number };

/** The form field of one option's count. */
export function tallyField(dimension: string, value: string): string {
	return `tally.${dimension}.${value}`;
}

const MAX_COUNT = 100000;

/**
 * Reads the tally fields of a posted form. Blank means zero. Returns the tally and, per field, the
 * locale key of its problem: a count that is not a whole number, or a dimension whose counts add
 * up to more than the attendees (reported on the dimension's first field).
 */
export function readTally(
	values: Record<string, string>,
	attendees: number | null
): { tally: AttendeeTally; errors: Record<string, string> } {
	const tally: AttendeeTally = {};
	const errors: Record<string, string> = {};
	for (const spec of tallyDimensions) {
		const counts: Record<string, number> = {};
		let total = 0;
		for (const option of spec.options) {
			const field = tallyField(spec.key, option.value);
			const text = (values[field] ?? '').trim();
			if (text === '') continue;
			if (!/^\d+$/.test(text) || Number(text) > MAX_COUNT) {
				errors[field] = 'sessions.errors.count_format';
				continue;
			}
			const count = Number(text);
			total += count;
			if (count > 0) counts[option.value] = count;
		}
		if (attendees !== null && total > attendees)
			errors[tallyField(spec.key, spec.options[0].value)] ??= 'sessions.errors.tally_exceeds';
		if (Object.keys(counts).length > 0) tally[spec.key] = counts;
	}
	return { tally, errors };
}

/** Attendees with no mark for the dimension. */
export function notRecorded(
	tally: AttendeeTally,
	dimension: DemographicDimension,
	attendees: number
) {
	const counted = Object.values(tally[dimension] ?? {}).reduce((sum, n) => sum + n, 0);
	return Math.max(0, attendees - counted);
}

export function tallyRows(tally: AttendeeTally): TallyRow[] {
	return Object.entries(tally).flatMap(([dimension, counts]) =>
		Object.entries(counts ?? {}).map(([value, attendees]) => ({ dimension, value, attendees }))
	);
}

export function tallyFromRows(rows: readonly TallyRow[]): AttendeeTally {
	const tally: AttendeeTally = {};
	for (const row of rows) {
		const dimension = row.dimension as DemographicDimension;
		(tally[dimension] ??= {})[row.value] = row.attendees;
	}
	return tally;
}

/** The tally as form values, to fill the fields again when editing. */
export function tallyValues(tally: AttendeeTally): Record<string, string> {
	return Object.fromEntries(
		tallyRows(tally).map((row) => [tallyField(row.dimension, row.value), String(row.attendees)])
	);
}

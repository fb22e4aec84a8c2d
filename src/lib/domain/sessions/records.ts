import { z } from 'zod';
import { languages } from '../../i18n/languages';
import { isDay } from '../builder/dates';
import type { ResponseChannel } from '../results/filters';

/** Matches the SQL enum listening_session_kind. */
export const sessionKinds = ['focus_group', 'interview', 'meeting', 'observation'] as const;
export type SessionKind = (typeof sessionKinds)[number];

/**
 * The channel a session's attendees count under in representation. A meeting is a group
 * discussion, so it counts as a focus group. Observation records what was seen, not people who
 * spoke with the team: its attendees are not counted as voices heard.
 */
export function channelOfSession(kind: SessionKind): ResponseChannel | null {
	if (kind === 'interview') return 'interview';
	if (kind === 'observation') return null;
	return 'focus_group';
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An optional id from a select: '' means none. */
export const optionalId = z
	.string()
	.trim()
	.default('')
	.refine((text) => text === '' || UUID.test(text), 'errors.invalid_choice')
	.transform((text) => text || null);

/** The session record form (the attendee tally is read apart, see readTally). */
export const sessionForm = z
	.object({
		kind: z.enum(sessionKinds, 'errors.invalid_choice'),
		heldOn: z
			.string()
			.trim()
			.refine((text) => text !== '', 'sessions.errors.date_required')
			.refine((text) => text === '' || isDay(text), 'builder.errors.date_format'),
		place: z.string().trim().max(200, 'errors.too_long').default(''),
		language: z.enum(languages, 'errors.invalid_choice'),
		facilitatorId: optionalId,
		facilitatorName: z.string().trim().max(120, 'errors.too_long').default(''),
		attendees: z
			.string()
			.trim()
			.refine((text) => text !== '', 'sessions.errors.attendees_required')
			.refine((text) => text === '' || /^\d+$/.test(text), 'sessions.errors.count_format')
			.transform(Number)
			.refine((n) => n <= 100000, 'sessions.errors.count_format'),
		consentNoted: z.boolean(),
		guideId: optionalId
	})
	.superRefine((form, ctx) => {
		if (form.facilitatorId && form.facilitatorName)
			ctx.addIssue({
				code: 'custom',
				message: 'sessions.errors.facilitator_both',
				path: ['facilitatorName']
			});
	});
export type SessionForm = z.infer<typeof sessionForm>;

/** Field names as posted, mapped onto the schema (a checkbox posts 'on' or nothing). */
export function sessionInput(values: Record<string, string>) {
	return {
		kind: values.kind,
		heldOn: values.heldOn ?? '',
		place: values.place,
		language: values.language,
		facilitatorId: values.facilitatorId,
		facilitatorName: values.facilitatorName,
		attendees: values.attendees ?? '',
		consentNoted: values.consentNoted === 'on',
		guideId: values.guideId
	};
}

/** A stored record as the form's field values, for editing it. */
export function sessionValues(record: {
	kind: string;
	heldOn: string;
	place: string;
	language: string;
	facilitatorId: string | null;
	facilitatorName: string;
	attendees: number;
	consentNoted: boolean;
	guideId: string | null;
}): Record<string, string> {
	return {
		kind: record.kind,
		heldOn: record.heldOn,
		place: record.place,
		language: record.language,
		facilitatorId: record.facilitatorId ?? '',
		facilitatorName: record.facilitatorName,
		attendees: String(record.attendees),
		...(record.consentNoted ? { consentNoted: 'on' } : {}),
		guideId: record.guideId ?? ''
	};
}

/** Who records sessions and takes notes; RLS enforces the same rule in the database. */
export function canRecordSessions(role: string): boolean {
	return role === 'owner' || role === 'organizer' || role === 'volunteer';
}

/** Who reads every note (volunteers read only their own); RLS again. */
export function canReadAllNotes(role: string): boolean {
	return role === 'owner' || role === 'organizer' || role === 'analyst';
}

/** Who writes discussion guides; RLS again. */
export function canEditGuides(role: string): boolean {
	return role === 'owner' || role === 'organizer';
}

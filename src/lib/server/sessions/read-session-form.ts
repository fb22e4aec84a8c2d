import { sessionForm, sessionInput, type SessionForm } from '$lib/domain/sessions/records';
import { readTally, type AttendeeTally } from '$lib/domain/sessions/tally';
import { formValues, nestedFieldErrors, type FieldErrors } from '$lib/domain/validation';
import { listTeam } from '../communities/list-team';
import { listGuides } from './list-guides';

/**
 * A posted session form: the record and its tally, or every problem by field (a tally is
 * checked against the attendance typed in the same form).
 */
export function readSessionForm(
	data: FormData
):
	| { ok: true; form: SessionForm; tally: AttendeeTally; values: Record<string, string> }
	| { ok: false; errors: FieldErrors; values: Record<string, string> } {
	const values = formValues(data);
	const parsed = sessionForm.safeParse(sessionInput(values));
	const { tally, errors: tallyErrors } = readTally(
		values,
		parsed.success ? parsed.data.attendees : null
	);
	const errors = { ...(parsed.success ? {} : nestedFieldErrors(parsed.error)), ...tallyErrors };
	if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors, values };
	return { ok: true, form: parsed.data, tally, values };
}

/** What the session form offers to pick from: the team (facilitator) and the guides. */
export async function sessionFormChoices(locals: App.Locals, communityId: string) {
	return locals.asUser(async (tx) => ({
		team: (await listTeam(tx, communityId)).members.map(({ userId, displayName }) => ({
			userId,
			displayName
		})),
		guides: await listGuides(tx, communityId)
	}));
}

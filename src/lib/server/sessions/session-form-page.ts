import { fail, type ActionFailure } from '@sveltejs/kit';
import { canRecordSessions, type SessionForm } from '$lib/domain/sessions/records';
import type { AttendeeTally } from '$lib/domain/sessions/tally';
import { formError, type FieldErrors } from '$lib/domain/validation';
import type { Tx } from '../db/types';
import { notAllowed, type Refusal } from './outcomes';
import { readSessionForm, sessionFormChoices } from './read-session-form';

/*
 * The new-session and edit-session pages are one form with two writes: what they load and how
 * a posted form is read and refused live here once, so the two cannot drift apart.
 */

type SessionFailure = ActionFailure<{ errors: FieldErrors; values: Record<string, string> }>;

/** What the session form page loads: the team and guides to pick from, and who may record. */
export async function loadSessionFormPage(
	locals: App.Locals,
	community: { id: string; role: string }
) {
	return {
		...(await sessionFormChoices(locals, community.id)),
		canRecord: canRecordSessions(community.role)
	};
}

/**
 * Reads a posted session form and hands it to `write` as the signed-in user. Outcomes: what
 * `write` answered when it succeeded | { ok: false, failure } where failure is fail(400) with
 * every problem by field and what was typed, or fail(403) when RLS refused the change.
 */
export async function submitSessionForm<T extends { ok: true }>(
	locals: App.Locals,
	request: Request,
	write: (
		tx: Tx,
		read: { form: SessionForm; tally: AttendeeTally }
	) => Promise<T | { ok: false; field: string; error: string } | Refusal>
): Promise<T | { ok: false; failure: SessionFailure }> {
	const read = readSessionForm(await request.formData());
	const refuse = (status: 400 | 403, errors: FieldErrors) => ({
		ok: false as const,
		failure: fail(status, { errors, values: read.values })
	});
	if (!read.ok) return refuse(400, read.errors);
	const result = await locals.asUser((tx) => write(tx, { form: read.form, tally: read.tally }));
	if (result.ok) return result;
	if ('field' in result) return refuse(400, { [result.field]: result.error });
	return refuse(result.error === notAllowed.error ? 403 : 400, formError(result.error));
}

import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { isKiosk } from '$lib/answer/kiosk';
import { surveyChannel } from '$lib/server/events/event-channel';
import { contactErrors, contactSchema } from '$lib/domain/responses/contact';
import { languages } from '$lib/i18n/languages';
import { submitGrouped, type GroupedOutcome } from '$lib/server/questionnaires/submit-grouped';
import { submissionRefusal } from '$lib/server/questionnaires/submit-response';
import { answerable, publishedElsewhen } from '$lib/server/survey/questionnaire';
import type { RequestHandler } from './$types';

/**
 * A whole response as JSON, for submissions kept on a phone while it was offline (and any client
 * that answers without the pages). The answers are checked like a form's.
 * 201 { outcome: 'created' } · 200 { outcome: 'updated' | 'duplicate' } ·
 * 400 { error: 'invalid' } or { errors: { <question id>: <locale key> } } · 404 no such open
 * questionnaire · 409 { error: 'closed' }. With ?kiosk=1 the response is saved as the kiosk channel's.
 * An optional `contact` { name?, email?, phone?, consent: true } is kept apart from the answers
 * when the questionnaire offers it (400 { errors: { contact_email: <locale key> … } } when it is
 * not valid), and ignored when it does not.
 */
const submission = z.object({
	responseId: z.uuid(),
	receipt: z.string().max(40),
	language: z.enum(languages),
	answers: z.record(z.string().max(100), z.unknown()),
	contact: z.unknown().optional()
});

const invalid = () => json({ error: 'invalid' }, { status: 400 });

export const POST: RequestHandler = async ({ request, locals, params, url, cookies }) => {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return invalid();
	}
	const parsed = submission.safeParse(body);
	if (!parsed.success) return invalid();
	const { contact: givenContact, ...response } = parsed.data;
	const contact = givenContact === undefined ? undefined : contactSchema.safeParse(givenContact);
	if (contact && !contact.success)
		return json({ errors: contactErrors(contact.error) }, { status: 400 });

	// Saved together with the submissions that arrived meanwhile, usually in one round trip:
	// checked against the questionnaire's definition in memory, saved with its version, which
	// the database compares (see submit-grouped.ts). A questionnaire residents cannot see is
	// looked for again only then, so that a closed one answers 409 closed rather than 404.
	const channel = surveyChannel(isKiosk(url.searchParams), cookies, params.slug);
	let result: GroupedOutcome;
	try {
		result = await submitGrouped(locals, params.slug, {
			...response,
			channel,
			contact: contact?.data
		});
	} catch (cause) {
		const refusal = submissionRefusal(cause);
		if (!refusal) throw cause;
		result = refusal;
	}
	if ('reason' in result && result.reason === 'not_found') {
		if (!answerable(await publishedElsewhen(params.slug))) error(404, 'not_found');
		result = { ok: false, reason: 'closed' };
	}
	if (result.ok)
		return json({ outcome: result.outcome }, { status: result.outcome === 'created' ? 201 : 200 });
	if ('errors' in result) return json({ errors: result.errors }, { status: 400 });
	if (result.reason === 'closed') return json({ error: 'closed' }, { status: 409 });
	return invalid();
};

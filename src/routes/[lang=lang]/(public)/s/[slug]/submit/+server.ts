import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { isKiosk, responseChannel } from '$lib/answer/kiosk';
import { languages } from '$lib/i18n/languages';
import { pgError, UNIQUE_VIOLATION } from '$lib/server/db/errors';
import { submitResponse } from '$lib/server/questionnaires/submit-response';
import { surveyQuestionnaire } from '$lib/server/survey/questionnaire';
import type { RequestHandler } from './$types';

/**
 * A whole response as JSON, for submissions kept on a phone while it was offline (and any client
 * that answers without the pages). The answers are checked like a form's.
 * 201 { outcome: 'created' } · 200 { outcome: 'updated' | 'duplicate' } ·
 * 400 { error: 'invalid' } or { errors: { <question id>: <locale key> } } · 404 no such open
 * questionnaire · 409 { error: 'closed' }. With ?kiosk=1 the response is saved as the kiosk channel's.
 */
const submission = z.object({
	responseId: z.uuid(),
	receipt: z.string().max(40),
	language: z.enum(languages),
	answers: z.record(z.string().max(100), z.unknown())
});

const invalid = () => json({ error: 'invalid' }, { status: 400 });

export const POST: RequestHandler = async ({ request, locals, params, url }) => {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return invalid();
	}
	const parsed = submission.safeParse(body);
	if (!parsed.success) return invalid();

	// A closed questionnaire is found too, so that the answer is 409 closed rather than 404.
	const { loaded } = await surveyQuestionnaire(locals, params.slug);
	const result = await locals.asUser(async (tx) => {
		try {
			return await submitResponse(tx, loaded, {
				...parsed.data,
				channel: responseChannel(isKiosk(url.searchParams))
			});
		} catch (error) {
			// The receipt code belongs to another response: the request was made up.
			if (pgError(error).code === UNIQUE_VIOLATION)
				return { ok: false as const, reason: 'invalid' };
			throw error;
		}
	});
	if (result.ok)
		return json({ outcome: result.outcome }, { status: result.outcome === 'created' ? 201 : 200 });
	if ('errors' in result) return json({ errors: result.errors }, { status: 400 });
	if (result.reason === 'closed') return json({ error: 'closed' }, { status: 409 });
	return invalid();
};

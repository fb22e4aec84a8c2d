import { questionnaireDefinition, validateResponse } from '$lib/domain/questionnaires';
import { normalizeReceipt } from '$lib/domain/responses/receipt';
import type { Lang } from '$lib/i18n/languages';
import { hashToken } from '../auth/tokens';
import { pgError } from '../db/errors';
import type { Tx } from '../db/types';
import type { LoadedQuestionnaire } from './load-questionnaire';

export type Channel = 'online' | 'paper' | 'kiosk' | 'event' | 'focus_group' | 'interview';

export interface Submission {
	/** generated on the person's device (or in the page for them): the idempotency key */
	responseId: string;
	/** the receipt code shown to the person, as they hold it */
	receipt: string;
	channel: Channel;
	language: Lang;
	/** answers by question id, as validateResponse takes them (from a form or JSON) */
	answers: Record<string, unknown>;
}

/**
 * Saves one response after checking every answer against the questionnaire.
 * Outcomes: { ok: true, outcome: 'created' | 'updated' | 'duplicate' } — 'duplicate' is a retry
 * of a response already saved, which changes nothing; { ok: false, errors } with a locale key
 * per question; { ok: false, reason: 'closed' } when the questionnaire no longer takes answers;
 * { ok: false, reason: 'invalid' } when the submission itself is malformed. Nothing is stored
 * unless the outcome is ok.
 */
export async function submitResponse(
	tx: Tx,
	questionnaire: LoadedQuestionnaire,
	submission: Submission
): Promise<
	| { ok: true; outcome: 'created' | 'updated' | 'duplicate' }
	| { ok: false; errors: Record<string, string> }
	| { ok: false; reason: 'closed' | 'invalid' }
> {
	const receipt = normalizeReceipt(submission.receipt);
	const definition = questionnaireDefinition.safeParse(questionnaire.definition);
	if (!receipt || !definition.success) return { ok: false, reason: 'invalid' };
	const checked = validateResponse(definition.data, submission.answers);
	if (!checked.ok) return { ok: false, errors: checked.errors };
	try {
		const [row] = await tx.savepoint((sp) =>
			sp.query<{ outcome: 'created' | 'updated' | 'duplicate' }>(
				`select public.save_response($1, $2, $3::public.response_channel, $4::public.content_language,
					$5, $6::jsonb, $7::jsonb) as outcome`,
				[
					submission.responseId,
					questionnaire.meta.id,
					submission.channel,
					submission.language,
					hashToken(receipt),
					JSON.stringify(checked.answers),
					JSON.stringify(checked.demographics)
				]
			)
		);
		return { ok: true, outcome: row.outcome };
	} catch (error) {
		if (pgError(error).hint === 'questionnaire_closed') return { ok: false, reason: 'closed' };
		throw error;
	}
}

import {
	questionnaireDefinition,
	validateResponse,
	type QuestionnaireDefinition
} from '$lib/domain/questionnaires';
import type { ContactDetails } from '$lib/domain/responses/contact';
import { normalizeReceipt } from '$lib/domain/responses/receipt';
import type { Lang } from '$lib/i18n/languages';
import { hashToken } from '../auth/tokens';
import { pgError, UNIQUE_VIOLATION } from '../db/errors';
import type { Queryable } from '../db/types';
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
	/**
	 * left with the response when the questionnaire offers it (checked by contactSchema); kept
	 * apart from the answers, ignored when the questionnaire does not ask for them
	 */
	contact?: ContactDetails;
}

export type SubmitOutcome =
	| { ok: true; outcome: 'created' | 'updated' | 'duplicate' }
	| { ok: false; errors: Record<string, string> }
	| { ok: false; reason: 'closed' | 'invalid' };

/**
 * Saves one response after checking every answer against the questionnaire: as loaded (parsed
 * here), or with its definition already parsed (see loadAnswerableQuestionnaire).
 * Outcomes: { ok: true, outcome: 'created' | 'updated' | 'duplicate' } — 'duplicate' is a retry
 * of a response already saved, which changes nothing; { ok: false, errors } with a locale key
 * per question; { ok: false, reason: 'closed' } when the questionnaire no longer takes answers;
 * { ok: false, reason: 'invalid' } when the submission itself is malformed. Nothing is stored
 * unless the outcome is ok.
 * A database refusal is not caught here (catching one would need a savepoint, two more round
 * trips on every submission): it ends the transaction, and submissionRefusal() turns it into its
 * outcome outside.
 */
export async function submitResponse(
	tx: Queryable,
	questionnaire:
		LoadedQuestionnaire | { loaded: LoadedQuestionnaire; definition: QuestionnaireDefinition },
	submission: Submission
): Promise<SubmitOutcome> {
	const receipt = normalizeReceipt(submission.receipt);
	const { id } = 'loaded' in questionnaire ? questionnaire.loaded.meta : questionnaire.meta;
	const definition =
		'loaded' in questionnaire
			? questionnaire.definition
			: questionnaireDefinition.safeParse(questionnaire.definition).data;
	if (!receipt || !definition) return { ok: false, reason: 'invalid' };
	const checked = validateResponse(definition, submission.answers);
	if (!checked.ok) return { ok: false, errors: checked.errors };
	const receiptHash = hashToken(receipt);
	// Closed since it was loaded: said here without an error, so the transaction stays usable.
	const [row] = await tx.query<{ outcome: 'created' | 'updated' | 'duplicate' | 'closed' }>(
		`select case when public.questionnaire_is_open($2)
			then public.save_response($1, $2, $3::public.response_channel, $4::public.content_language,
				$5, $6::jsonb, $7::jsonb)
			else 'closed' end as outcome`,
		[
			submission.responseId,
			id,
			submission.channel,
			submission.language,
			receiptHash,
			JSON.stringify(checked.answers),
			JSON.stringify(checked.demographics)
		]
	);
	if (row.outcome === 'closed') return { ok: false, reason: 'closed' };
	// A retry ('duplicate') changes nothing, contact details included.
	if (submission.contact && row.outcome !== 'duplicate')
		await tx.query('select public.save_contact_details($1, $2, $3, $4, $5)', [
			submission.responseId,
			receiptHash,
			submission.contact.name ?? null,
			submission.contact.email ?? null,
			submission.contact.phone ?? null
		]);
	return { ok: true, outcome: row.outcome };
}

/**
 * The outcome of a submission the database refused, for an error thrown by a transaction that
 * ran submitResponse; undefined for any other error. It closed in the instant between the check
 * and the save; or the receipt code belongs to another response (only a made-up request).
 */
export function submissionRefusal(error: unknown): SubmitOutcome | undefined {
	const { code, hint } = pgError(error);
	if (hint === 'questionnaire_closed') return { ok: false, reason: 'closed' };
	if (code === UNIQUE_VIOLATION) return { ok: false, reason: 'invalid' };
	return undefined;
}

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
import type { Queryable, Statement } from '../db/types';
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

type Questionnaire =
	LoadedQuestionnaire | { loaded: LoadedQuestionnaire; definition: QuestionnaireDefinition };

/** A submission whose answers passed the questionnaire's checks, in the form the database keeps. */
export interface CheckedSubmission {
	submission: Submission;
	questionnaireId: string;
	receiptHash: string;
	answers: Record<string, unknown>;
	demographics: Record<string, unknown>;
}

/**
 * Checks a submission against the questionnaire (as loaded, or with its definition already
 * parsed, see loadAnswerableQuestionnaire), without the database: { ok: true, checked } to
 * save, else its outcome ({ errors } per question, or 'invalid' for a malformed submission).
 */
export function checkSubmission(
	questionnaire: Questionnaire,
	submission: Submission
): { ok: true; checked: CheckedSubmission } | Extract<SubmitOutcome, { ok: false }> {
	const receipt = normalizeReceipt(submission.receipt);
	const { id } = 'loaded' in questionnaire ? questionnaire.loaded.meta : questionnaire.meta;
	const definition =
		'loaded' in questionnaire
			? questionnaire.definition
			: questionnaireDefinition.safeParse(questionnaire.definition).data;
	if (!receipt || !definition) return { ok: false, reason: 'invalid' };
	const checked = validateResponse(definition, submission.answers);
	if (!checked.ok) return { ok: false, errors: checked.errors };
	return {
		ok: true,
		checked: {
			submission,
			questionnaireId: id,
			receiptHash: hashToken(receipt),
			answers: checked.answers,
			demographics: checked.demographics
		}
	};
}

export type SavedOutcome = 'created' | 'updated' | 'duplicate' | 'closed' | 'stale';
export type SavedOutcomes = { outcomes: SavedOutcome[] };

/**
 * The statement saving checked submissions (public.save_responses), one outcome each in
 * `outcomes`. With `versions` (one each), the definition version each was checked against: the
 * database then saves none of a questionnaire's and answers 'stale' if its definition changed.
 */
export function saveResponsesStatement(
	checked: readonly CheckedSubmission[],
	versions?: readonly string[]
): Statement {
	return {
		text: 'select public.save_responses($1::jsonb) as outcomes',
		params: [
			JSON.stringify(
				checked.map((c, i) => ({
					id: c.submission.responseId,
					questionnaire: c.questionnaireId,
					channel: c.submission.channel,
					language: c.submission.language,
					receipt: c.receiptHash,
					answers: c.answers,
					demographics: c.demographics,
					version: versions?.[i]
				}))
			)
		]
	};
}

/**
 * Saves checked submissions, all in one statement (public.save_responses), then the contact
 * details of those that left some. One outcome per submission, in order: created, updated,
 * duplicate (a retry of a response already saved, which changes nothing, contact details
 * included), or closed when the questionnaire no longer takes answers (said without an error,
 * so the transaction and the others' saves stay good).
 * A database refusal is not caught here (catching one would need a savepoint, two more round
 * trips on every call): it ends the transaction, and submissionRefusal() turns it into its
 * outcome outside. With several submissions, the caller saves them again one by one to learn
 * whose it was (see group-commit.ts).
 */
export async function saveCheckedSubmissions(
	tx: Queryable,
	checked: readonly CheckedSubmission[]
): Promise<SubmitOutcome[]> {
	if (checked.length === 0) return [];
	const { text, params } = saveResponsesStatement(checked);
	const [{ outcomes }] = await tx.query<SavedOutcomes>(text, params);
	const results: SubmitOutcome[] = [];
	for (const [i, { submission, receiptHash }] of checked.entries()) {
		const outcome = outcomes[i];
		// ('stale' only answers a version, never sent from here)
		if (outcome === 'closed' || outcome === 'stale') {
			results.push({ ok: false, reason: 'closed' });
			continue;
		}
		if (submission.contact && outcome !== 'duplicate')
			await tx.query('select public.save_contact_details($1, $2, $3, $4, $5)', [
				submission.responseId,
				receiptHash,
				submission.contact.name ?? null,
				submission.contact.email ?? null,
				submission.contact.phone ?? null
			]);
		results.push({ ok: true, outcome });
	}
	return results;
}

/**
 * Saves one response after checking every answer against the questionnaire (checkSubmission,
 * then saveCheckedSubmissions). Nothing is stored unless the outcome is ok.
 */
export async function submitResponse(
	tx: Queryable,
	questionnaire: Questionnaire,
	submission: Submission
): Promise<SubmitOutcome> {
	const result = checkSubmission(questionnaire, submission);
	if (!result.ok) return result;
	const [saved] = await saveCheckedSubmissions(tx, [result.checked]);
	return saved;
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

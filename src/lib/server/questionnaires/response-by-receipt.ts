import { normalizeReceipt } from '$lib/domain/responses/receipt';
import { hashToken } from '../auth/tokens';
import type { Queryable } from '../db/types';

export interface StoredResponse {
	responseId: string;
	questionnaireId: string;
	language: 'en' | 'fr';
	answers: Record<string, unknown>;
	demographics: Record<string, string>;
}

/** The response a receipt code opens, while its questionnaire is open; null otherwise. */
export async function responseByReceipt(
	tx: Queryable,
	typed: string
): Promise<StoredResponse | null> {
	const receipt = normalizeReceipt(typed);
	if (!receipt) return null;
	const [row] = await tx.query<StoredResponse>(
		`select response_id as "responseId", questionnaire_id as "questionnaireId", language, answers, demographics
		from public.response_by_receipt($1)`,
		[hashToken(receipt)]
	);
	return row ?? null;
}

/** Deletes the response a receipt code opens, while its questionnaire is open. */
export async function deleteResponseByReceipt(tx: Queryable, typed: string): Promise<boolean> {
	const receipt = normalizeReceipt(typed);
	if (!receipt) return false;
	const [row] = await tx.query<{ deleted: boolean }>(
		'select public.delete_response_by_receipt($1) as deleted',
		[hashToken(receipt)]
	);
	return row.deleted;
}

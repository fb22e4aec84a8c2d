import { pgError, UNIQUE_VIOLATION } from '../db/errors';
import type { Tx } from '../db/types';
import { notAllowed, type Refusal } from './builder-state';

/**
 * Gives a draft questionnaire a new web name (the end of /<lang>/s/<slug>).
 * Only a draft: once published, the address is on posters, in shared links and QR codes, and in
 * answers waiting on phones to be sent; changing it would break all of them.
 * Outcomes: { ok: true } | { ok: false, field: 'slug', error } when another questionnaire has
 * that name ('builder.errors.slug_taken') or this one has been published
 * ('questionnaire_address.published') | { ok: false, error: 'builder.errors.not_allowed' } when
 * the caller may not edit it (RLS shows them no row to change). A refusal changes nothing.
 */
export async function changeQuestionnaireSlug(
	tx: Tx,
	input: { questionnaireId: string; slug: string }
): Promise<{ ok: true } | { ok: false; field: 'slug'; error: string } | Refusal> {
	try {
		// In a savepoint: a name taken by another questionnaire is an answer, not a failure.
		const [row] = await tx.savepoint((sp) =>
			sp.query<{ status: string; slug: string; changed: boolean }>(
				`with target as (
					select id, status, slug from public.questionnaires where id = $1
				), changed as (
					update public.questionnaires q set slug = $2, updated_at = now()
					from target where q.id = target.id and target.status = 'draft' and q.slug <> $2
					returning q.id
				)
				select target.status, target.slug, exists (select 1 from changed) as changed from target`,
				[input.questionnaireId, input.slug]
			)
		);
		if (!row) return notAllowed;
		if (row.slug === input.slug || row.changed) return { ok: true };
		if (row.status !== 'draft')
			return { ok: false, field: 'slug', error: 'questionnaire_address.published' };
		// a draft they can see but RLS would not let them change (analysts, volunteers)
		return notAllowed;
	} catch (error) {
		if (pgError(error).code === UNIQUE_VIOLATION)
			return { ok: false, field: 'slug', error: 'builder.errors.slug_taken' };
		throw error;
	}
}

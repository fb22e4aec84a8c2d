import type { CommunityForm } from '$lib/domain/communities/schemas';
import { pgError, UNIQUE_VIOLATION } from '../db/errors';
import type { Tx } from '../db/types';

/**
 * Creates a community with the signed-in user as its first owner.
 * Outcomes: { ok: true, slug } | { ok: false, field: 'slug', error } when the slug is taken.
 */
export async function createCommunity(
	tx: Tx,
	form: CommunityForm
): Promise<{ ok: true; slug: string } | { ok: false; field: 'slug'; error: string }> {
	try {
		await tx.savepoint((sp) =>
			sp.query('select public.create_community($1, $2::jsonb, $3, $4::public.content_language)', [
				form.slug,
				JSON.stringify({ en: form.nameEn, fr: form.nameFr }),
				form.region,
				form.defaultLanguage
			])
		);
		return { ok: true, slug: form.slug };
	} catch (error) {
		if (pgError(error).code !== UNIQUE_VIOLATION) throw error;
		return { ok: false, field: 'slug', error: 'communities.errors.slug_taken' };
	}
}

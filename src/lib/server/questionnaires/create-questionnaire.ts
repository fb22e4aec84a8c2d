import type { CreateQuestionnaireForm } from '$lib/domain/builder/forms';
import { INSUFFICIENT_PRIVILEGE, pgError, UNIQUE_VIOLATION } from '../db/errors';
import type { Tx } from '../db/types';
import { notAllowed, type Refusal } from './builder-state';

/**
 * Creates a draft questionnaire in a community, with one empty section to start from.
 * Outcomes: { ok: true, id } | { ok: false, field: 'slug', error } when another questionnaire
 * already has that web name | { ok: false, error: 'builder.errors.not_allowed' } when the caller
 * may not create questionnaires in the community (RLS). A refusal leaves nothing behind.
 */
export async function createQuestionnaire(
	tx: Tx,
	input: CreateQuestionnaireForm & { communityId: string }
): Promise<{ ok: true; id: string } | { ok: false; field: 'slug'; error: string } | Refusal> {
	try {
		const id = await tx.savepoint(async (sp) => {
			const [row] = await sp.query<{ id: string }>(
				`insert into public.questionnaires (community_id, slug, title, created_by)
				values ($1, $2, $3::jsonb, (select auth.uid())) returning id`,
				[input.communityId, input.slug, JSON.stringify(input.title)]
			);
			await sp.query(
				'insert into public.questionnaire_sections (questionnaire_id, position) values ($1, 0)',
				[row.id]
			);
			return row.id;
		});
		return { ok: true, id };
	} catch (error) {
		const { code } = pgError(error);
		if (code === UNIQUE_VIOLATION)
			return { ok: false, field: 'slug', error: 'builder.errors.slug_taken' };
		if (code === INSUFFICIENT_PRIVILEGE) return notAllowed;
		throw error;
	}
}

import type { Queryable } from '../db/types';

export interface ContactDetailsRow {
	responseId: string;
	name: string | null;
	email: string | null;
	phone: string | null;
	/** when they ticked the consent box */
	consentedAt: Date;
	/** the language they answered in: the one to write to them in */
	language: 'en' | 'fr';
}

/**
 * The contact details residents left with their responses to a questionnaire, oldest first.
 * Only the community's owners can read them (RLS): for anyone else the list is empty.
 */
export async function listContactDetails(
	tx: Queryable,
	questionnaireId: string
): Promise<ContactDetailsRow[]> {
	return tx.query<ContactDetailsRow>(
		`select c.response_id as "responseId", c.name, c.email, c.phone,
			c.consented_at as "consentedAt", r.language
		from public.contact_details c join public.responses r on r.id = c.response_id
		where r.questionnaire_id = $1
		order by c.consented_at, c.response_id`,
		[questionnaireId]
	);
}

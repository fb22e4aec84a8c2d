import { hashToken } from '../auth/tokens';
import { pgError } from '../db/errors';
import type { Queryable, Tx } from '../db/types';

export interface InvitationPreview {
	communitySlug: string;
	communityName: { en: string; fr: string };
	email: string;
	role: string;
	status: 'open' | 'accepted' | 'expired';
}

/** What an invitation link shows; null for an unknown token. Works signed out (as anon). */
export async function previewInvitation(
	tx: Queryable,
	token: string
): Promise<InvitationPreview | null> {
	const [row] = await tx.query<InvitationPreview>(
		`select community_slug as "communitySlug", community_name as "communityName", email, role, status
		from public.invitation_preview($1)`,
		[hashToken(token)]
	);
	return row ?? null;
}

/**
 * The signed-in user joins the community with the invited role.
 * Outcomes: { ok: true, slug } | { ok: false } when the link is unknown, used or expired.
 */
export async function acceptInvitation(
	tx: Tx,
	token: string
): Promise<{ ok: true; slug: string } | { ok: false }> {
	try {
		const [row] = await tx.savepoint((sp) =>
			sp.query<{ slug: string }>('select public.accept_invitation($1) as slug', [hashToken(token)])
		);
		return { ok: true, slug: row.slug };
	} catch (error) {
		if (pgError(error).hint !== 'invitation_unusable') throw error;
		return { ok: false };
	}
}

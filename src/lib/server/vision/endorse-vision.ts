import { createHash } from 'node:crypto';
import { endorsementSchema } from '$lib/domain/vision/endorsement';
import { fieldErrors } from '$lib/domain/validation';
import type { Lang } from '$lib/i18n/languages';
import { pgError } from '../db/errors';
import type { Queryable, Tx } from '../db/types';
import type { PublishedVision } from './load-vision';

/** The publication and the phone together, so one phone is not linkable across rounds. */
export function endorsementDeviceHash(publicationId: string, token: string): string {
	return createHash('sha256').update(`vision:${publicationId}:${token}`).digest('hex');
}

export interface EndorseInput {
	token: string;
	language: Lang;
	/** the form's answers, as endorsementFromForm reads them */
	endorsement: unknown;
	/** the optional short profile, already checked (profileFromForm) */
	profile: Record<string, string>;
}

export type EndorseOutcome =
	{ ok: true; outcome: 'created' | 'replaced' } | { ok: false; errors: Record<string, string> };

/**
 * Saves this phone's endorsement of the published vision, or replaces its earlier one while the
 * round is open. Anyone may call it (residents have no account); the database function checks
 * the round is open and the goals are the version's.
 * Outcomes: created | replaced | errors by field (statement: 'vision.errors.choose_answer',
 * comment: 'errors.too_long') | form: 'vision.errors.closed'. Nothing is stored on error.
 */
export async function endorseVision(
	tx: Tx,
	vision: PublishedVision,
	input: EndorseInput
): Promise<EndorseOutcome> {
	if (!vision.publication.open) return { ok: false, errors: { form: 'vision.errors.closed' } };
	const parsed = endorsementSchema(vision.goals.map((goal) => goal.key)).safeParse(
		input.endorsement
	);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	try {
		const [row] = await tx.savepoint((sp) =>
			sp.query<{ outcome: 'created' | 'replaced' }>(
				`select public.endorse_vision($1, $2, $3::public.content_language,
					$4::public.endorsement_answer, $5::jsonb, $6, $7::jsonb) as outcome`,
				[
					vision.publication.id,
					endorsementDeviceHash(vision.publication.id, input.token),
					input.language,
					parsed.data.statement,
					JSON.stringify(parsed.data.goals),
					parsed.data.comment,
					JSON.stringify(input.profile)
				]
			)
		);
		return { ok: true, outcome: row.outcome };
	} catch (error) {
		const { hint } = pgError(error);
		if (hint === 'endorsement_closed')
			return { ok: false, errors: { form: 'vision.errors.closed' } };
		if (hint === 'unknown_goal')
			return { ok: false, errors: { form: 'vision.errors.unknown_goal' } };
		throw error;
	}
}

export interface MyEndorsement {
	statement: string;
	goals: Record<string, string>;
	comment: string | null;
	profile: Record<string, string>;
}

/** This phone's endorsement of a publication, to show and change it; null when none. */
export async function endorsementByDevice(
	tx: Queryable,
	publicationId: string,
	token: string | null
): Promise<MyEndorsement | null> {
	if (!token) return null;
	const [row] = await tx.query<MyEndorsement>(
		'select statement, goals, comment, profile from public.endorsement_by_device($1, $2)',
		[publicationId, endorsementDeviceHash(publicationId, token)]
	);
	return row ?? null;
}

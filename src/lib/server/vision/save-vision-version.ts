import { nestedFieldErrors } from '$lib/domain/validation';
import { assignGoalKeys, visionDraftSchema } from '$lib/domain/vision/vision';
import { INSUFFICIENT_PRIVILEGE, pgError, UNIQUE_VIOLATION } from '../db/errors';
import type { Tx } from '../db/types';
import { listPriorityAreas } from '../priorities/list-priority-areas';

export type SaveVisionOutcome =
	{ ok: true; number: number } | { ok: false; errors: Record<string, string> };

/**
 * Saves the vision form as the community's next version (versions are never changed). Goals keep
 * their keys, new goals get fresh ones, and each goal's areas must be this community's priority
 * areas. Either language may still be blank: that is checked when publishing.
 * Outcomes: { ok: true, number } | errors by field (zod's locale keys; 'goal.<i>.area' for an
 * area of another community; form: 'vision.errors.not_allowed' for a role that may not save,
 * 'vision.errors.conflict' when someone else saved at the same moment). Nothing is stored on error.
 */
export async function saveVisionVersion(
	tx: Tx,
	communityId: string,
	input: unknown
): Promise<SaveVisionOutcome> {
	const parsed = visionDraftSchema.safeParse(input);
	if (!parsed.success) {
		// the form names goal rows goal.<i>.<lang>; the schema's path is goals.<i>.text.<lang>
		const errors = nestedFieldErrors(parsed.error);
		return {
			ok: false,
			errors: Object.fromEntries(
				Object.entries(errors).map(([field, key]) => [
					field
						.replace(/^goals\.(\d+)\.text\./, 'goal.$1.')
						.replace(/^goals\.(\d+)\.areas.*/, 'goal.$1.area'),
					key
				])
			)
		};
	}
	const areaIds = new Set((await listPriorityAreas(tx, communityId)).map((area) => area.id));
	const strange = parsed.data.goals.findIndex((goal) => goal.areas.some((id) => !areaIds.has(id)));
	if (strange >= 0)
		return { ok: false, errors: { [`goal.${strange}.area`]: 'errors.invalid_choice' } };

	const earlier = await tx.query<{ key: string }>(
		`select distinct g ->> 'key' as key
		from public.vision_versions v, jsonb_array_elements(v.goals) g where v.community_id = $1`,
		[communityId]
	);
	const goals = assignGoalKeys(parsed.data.goals, earlier);
	try {
		const [row] = await tx.savepoint((sp) =>
			sp.query<{ number: number }>(
				`insert into public.vision_versions (community_id, number, statement, goals, created_by)
				values ($1, (select coalesce(max(number), 0) + 1 from public.vision_versions where community_id = $1),
					$2::jsonb, $3::jsonb, (select auth.uid()))
				returning number`,
				[communityId, JSON.stringify(parsed.data.statement), JSON.stringify(goals)]
			)
		);
		return { ok: true, number: row.number };
	} catch (error) {
		const { code } = pgError(error);
		if (code === INSUFFICIENT_PRIVILEGE)
			return { ok: false, errors: { form: 'vision.errors.not_allowed' } };
		if (code === UNIQUE_VIOLATION) return { ok: false, errors: { form: 'vision.errors.conflict' } };
		throw error;
	}
}

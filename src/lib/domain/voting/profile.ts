import { demographicDimension, PREFER_NOT_TO_SAY } from '../questionnaires/demographics';

/**
 * The short, optional profile a voter may give so results can be broken down: three questions,
 * the same wording and values as the questionnaires' demographic questions (and the census
 * comparison), so groups mean the same everywhere.
 */
export const profileDimensions = ['age_group', 'gender', 'first_official_language'] as const;
export type ProfileDimension = (typeof profileDimensions)[number];

export function profileValues(dimension: ProfileDimension): string[] {
	return demographicDimension(dimension).options.map((option) => option.value);
}

/**
 * `profile.<dimension>` fields → the answers given. Blank means not answered; a value the
 * question does not offer is dropped ('invalid' is returned so the page can say so).
 */
export function profileFromForm(
	values: Record<string, string>
): { ok: true; profile: Record<string, string> } | { ok: false; field: string } {
	const profile: Record<string, string> = {};
	for (const dimension of profileDimensions) {
		const value = values[`profile.${dimension}`]?.trim() ?? '';
		if (value === '') continue;
		if (!profileValues(dimension).includes(value))
			return { ok: false, field: `profile.${dimension}` };
		profile[dimension] = value;
	}
	return { ok: true, profile };
}

export { PREFER_NOT_TO_SAY };

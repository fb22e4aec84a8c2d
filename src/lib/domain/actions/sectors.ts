/**
 * The seven partner categories of an action team, as in collective-impact practice: a team that
 * lacks one of them tends to miss what that sector knows or controls. Same list as the SQL enum
 * public.partner_sector.
 */
export const SECTORS = [
	'non_profit',
	'research',
	'grassroots',
	'private_sector',
	'media',
	'government',
	'population_specific'
] as const;
export type Sector = (typeof SECTORS)[number];

export type TeamCheck = {
	/** sectors with no member, in the order of SECTORS */
	missing: Sector[];
	/** members per sector */
	counts: Record<Sector, number>;
	/** whether anyone on the team brings lived experience */
	livedExperience: boolean;
};

/** Which sectors an action team still lacks, and whether lived experience is at the table. */
export function checkTeam(
	members: readonly { sector: Sector; livedExperience: boolean }[]
): TeamCheck {
	const counts = Object.fromEntries(SECTORS.map((sector) => [sector, 0])) as Record<Sector, number>;
	for (const member of members) counts[member.sector] += 1;
	return {
		missing: SECTORS.filter((sector) => counts[sector] === 0),
		counts,
		livedExperience: members.some((member) => member.livedExperience)
	};
}

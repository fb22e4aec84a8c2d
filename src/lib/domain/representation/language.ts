/**
 * Language as a dimension: the language people answered in, compared with the population's
 * first official language spoken (FOLS). Statistics Canada itself splits the "English and
 * French" FOLS group half to each language when it counts official-language populations, so we
 * do the same; "neither" has no answer language to compare with and is left out.
 */
export const answerLanguages = ['en', 'fr'] as const;

export function languagePopulation(
	firstOfficialLanguage: Readonly<Record<string, number>>
): Record<string, number> {
	const both = firstOfficialLanguage.both ?? 0;
	const population: Record<string, number> = {};
	if (typeof firstOfficialLanguage.english === 'number')
		population.en = firstOfficialLanguage.english + both / 2;
	if (typeof firstOfficialLanguage.french === 'number')
		population.fr = firstOfficialLanguage.french + both / 2;
	return population;
}

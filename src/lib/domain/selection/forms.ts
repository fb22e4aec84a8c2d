import { z } from 'zod';
import { DIMENSIONS } from './deprivation';

/** The ranking and filters of an import's areas, from the page's address (?dimension=&quintile=&place=). */
export const areaFilterForm = z.object({
	dimension: z
		.union([z.enum(DIMENSIONS), z.literal('')])
		.catch('')
		.transform((value) => value || null),
	minQuintile: z.coerce.number().int().min(1).max(5).catch(1),
	place: z.string().trim().max(120).catch('')
});

export const readinessNoteForm = z.object({
	areaId: z.uuid('errors.invalid'),
	note: z.string().trim().max(2000, 'errors.too_long')
});

export const chosenAreasForm = z.object({
	areaIds: z
		.array(z.uuid('errors.invalid'))
		.min(1, 'areas.errors.none_chosen')
		.max(500, 'areas.errors.too_many')
});

import { z } from 'zod';

/**
 * The threshold form: a ratio between 0.1 and 1, typed with a point or, as French writes it, a
 * comma ("0,8").
 */
export const thresholdForm = z.object({
	threshold: z
		.string()
		.trim()
		.min(1, 'errors.required')
		.transform((text) => Number(text.replace(',', '.')))
		.pipe(
			z
				.number('representation.errors.threshold_range')
				.min(0.1, 'representation.errors.threshold_range')
				.max(1, 'representation.errors.threshold_range')
		)
});

import { z } from 'zod';
import { bilingual } from './bilingual';

/**
 * Option values are the stable keys stored in answers and compared across responses, so they
 * stay short, ASCII and independent of the wording (labels can be reworded in both languages).
 */
export const OPTION_VALUE = /^[a-z0-9_]{1,40}$/;

export { OTHER_CHOICE, OTHER_MAX_LENGTH } from './rules';

export const optionValue = z
	.string()
	.trim()
	.regex(OPTION_VALUE, 'questionnaire_errors.option_value_format');

export const optionSchema = z.object({ value: optionValue, label: bilingual });
export type Option = z.infer<typeof optionSchema>;

/** Values that appear more than once, each reported once. */
export function repeatedValues(values: readonly string[]): string[] {
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const value of values) (seen.has(value) ? repeated : seen).add(value);
	return [...repeated];
}

/** A list of options with a count range and unique values, reported on the offending option. */
export function optionList(min: number, max: number) {
	return z
		.array(optionSchema)
		.min(min, 'questionnaire_errors.too_few_options')
		.max(max, 'questionnaire_errors.too_many_options')
		.superRefine((options, ctx) => {
			const repeated = new Set(repeatedValues(options.map((option) => option.value)));
			options.forEach((option, index) => {
				if (!repeated.has(option.value)) return;
				ctx.addIssue({
					code: 'custom',
					message: 'questionnaire_errors.option_value_repeated',
					path: [index, 'value']
				});
			});
		});
}

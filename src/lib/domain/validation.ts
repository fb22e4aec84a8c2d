import type { z } from 'zod';

/** field name → i18n key; the key 'form' holds an error about the whole form */
export type FieldErrors = Record<string, string>;

export function formError(key: string): FieldErrors {
	return { form: key };
}

const LOCALE_KEY = /^[a-z_]+(\.[a-z_]+)+$/;

/**
 * Field name → i18n key of the first problem with that field. Schemas give their messages as
 * locale keys, so the server stays language-agnostic and the page translates.
 */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= LOCALE_KEY.test(issue.message) ? issue.message : 'errors.invalid';
	}
	return errors;
}

/**
 * Like fieldErrors, but names each field by its whole path ('options.2.label.fr'), for forms
 * whose field names are paths into nested data.
 */
export function nestedFieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = issue.path.filter((part) => typeof part !== 'symbol').join('.') || 'form';
		errors[field] ??= LOCALE_KEY.test(issue.message) ? issue.message : 'errors.invalid';
	}
	return errors;
}

/** FormData → plain object of its string fields (files and repeated keys are not used here). */
export function formValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
	return values;
}

import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 12;

export const signInForm = z.object({
	email: z.string().trim().toLowerCase().min(1, 'errors.required').max(254, 'errors.too_long'),
	password: z.string().min(1, 'errors.required').max(1024, 'errors.too_long')
});

export const registerForm = z
	.object({
		displayName: z.string().trim().min(1, 'errors.required').max(120, 'errors.too_long'),
		password: z
			.string()
			.min(MIN_PASSWORD_LENGTH, 'auth.errors.password_short')
			.max(1024, 'errors.too_long'),
		confirm: z.string()
	})
	.refine((form) => form.password === form.confirm, {
		message: 'auth.errors.password_mismatch',
		path: ['confirm']
	});

/** Only a path inside this site, in the same language: never an open redirect. */
export function safeRedirect(target: string | null, lang: string, fallback: string): string {
	if (!target || !target.startsWith(`/${lang}/`) || target.startsWith('//')) return fallback;
	return target;
}

import { fail, redirect } from '@sveltejs/kit';
import { safeRedirect, signInForm } from '$lib/domain/auth/schemas';
import { fieldErrors, formError, formValues } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { signIn } from '$lib/server/auth/sign-in';
import { platform } from '$lib/server/platform';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const next = safeRedirect(
		url.searchParams.get('redirectTo'),
		locals.lang,
		paths.communities(locals.lang)
	);
	if (locals.user) redirect(303, next);
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const values = formValues(await request.formData());
		const keep = { email: values.email ?? '' };
		const parsed = signInForm.safeParse(values);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values: keep });

		const { db, auth } = platform();
		const result = await signIn(db, auth, cookies, { ...parsed.data, ip: getClientAddress() });
		if (!result.ok) {
			const message =
				result.reason === 'rate_limited'
					? 'auth.errors.rate_limited'
					: 'auth.errors.invalid_credentials';
			return fail(result.reason === 'rate_limited' ? 429 : 400, {
				errors: formError(message),
				values: keep
			});
		}
		redirect(
			303,
			safeRedirect(url.searchParams.get('redirectTo'), locals.lang, paths.communities(locals.lang))
		);
	}
} satisfies Actions;

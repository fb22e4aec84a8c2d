import { error, fail, redirect } from '@sveltejs/kit';
import { registerForm } from '$lib/domain/auth/schemas';
import { fieldErrors, formError, formValues } from '$lib/domain/validation';
import { paths } from '$lib/paths';
import { acceptInvitation, previewInvitation } from '$lib/server/communities/accept-invitation';
import { withUser } from '$lib/server/db/with-user';
import { platform } from '$lib/server/platform';
import type { Actions, PageServerLoad } from './$types';

async function requirePreview(locals: App.Locals, token: string) {
	const preview = await locals.asUser((tx) => previewInvitation(tx, token));
	if (!preview) error(404, 'not_found');
	return preview;
}

const unusable = () =>
	fail(410, { errors: formError('invite.errors.unusable'), values: { displayName: '' } });

export const load = (async ({ locals, params }) => ({
	invitation: await requirePreview(locals, params.token),
	provider: platform().auth.kind
})) satisfies PageServerLoad;

export const actions = {
	/** A signed-in person accepts. */
	accept: async ({ locals, params }) => {
		if (!locals.user)
			redirect(303, paths.signIn(locals.lang, paths.invitation(locals.lang, params.token)));
		const result = await locals.asUser((tx) => acceptInvitation(tx, params.token));
		if (!result.ok) return unusable();
		redirect(303, paths.community(locals.lang, result.slug));
	},

	/** Someone new creates their account with the invited email, then accepts. */
	register: async ({ request, locals, params, cookies }) => {
		const invitation = await requirePreview(locals, params.token);
		if (invitation.status !== 'open') return unusable();
		const values = formValues(await request.formData());
		const keep = { displayName: values.displayName ?? '' };
		const parsed = registerForm.safeParse(values);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values: keep });

		const { db, auth } = platform();
		const registered = await auth.register(cookies, {
			email: invitation.email,
			password: parsed.data.password,
			displayName: parsed.data.displayName
		});
		if (!registered.ok) {
			const message =
				registered.reason === 'email_taken'
					? 'invite.errors.email_taken'
					: 'invite.errors.confirm_email';
			return fail(400, { errors: formError(message), values: keep });
		}
		const claims = { role: 'authenticated' as const, sub: registered.user.id };
		const result = await withUser(db, claims, (tx) => acceptInvitation(tx, params.token));
		if (!result.ok) return unusable();
		redirect(303, paths.community(locals.lang, result.slug));
	}
} satisfies Actions;

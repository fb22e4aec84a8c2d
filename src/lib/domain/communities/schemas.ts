import { z } from 'zod';
import { languages } from '../../i18n/languages';
import { communityRoles } from './roles';

/** A readable URL slug from a name: accents folded, lower case, words joined by hyphens. */
export function slugify(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}

const bilingualName = z.string().trim().min(1, 'errors.required').max(120, 'errors.too_long');

export const communityForm = z
	.object({
		nameEn: bilingualName,
		nameFr: bilingualName,
		slug: z.string().trim().toLowerCase().max(60, 'errors.too_long').default(''),
		region: z.string().trim().max(120, 'errors.too_long').default(''),
		defaultLanguage: z.enum(languages, 'errors.invalid_choice')
	})
	.transform((form) => ({ ...form, slug: form.slug || slugify(form.nameEn) }))
	.pipe(
		z.object({
			nameEn: z.string(),
			nameFr: z.string(),
			slug: z
				.string()
				.min(3, 'communities.errors.slug_short')
				.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'communities.errors.slug_format'),
			region: z.string(),
			defaultLanguage: z.enum(languages)
		})
	);
export type CommunityForm = z.infer<typeof communityForm>;

const email = z
	.string()
	.trim()
	.toLowerCase()
	.pipe(z.email('errors.email').max(254, 'errors.too_long'));

export const inviteForm = z.object({
	email,
	role: z.enum(communityRoles, 'errors.invalid_choice')
});

export const roleChangeForm = z.object({
	userId: z.uuid('errors.invalid'),
	role: z.enum(communityRoles, 'errors.invalid_choice')
});

export const memberForm = z.object({ userId: z.uuid('errors.invalid') });

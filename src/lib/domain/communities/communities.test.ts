import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../validation';
import { canInvite, canManageRoles, invitableRoles } from './roles';
import { communityForm, inviteForm, slugify } from './schemas';

describe('slugify', () => {
	it.each([
		['Vanier Together', 'vanier-together'],
		['Côte-des-Neiges — Notre-Dame-de-Grâce', 'cote-des-neiges-notre-dame-de-grace'],
		['  Été 2026!! ', 'ete-2026'],
		['!!!', '']
	])('%s → %s', (name, slug) => expect(slugify(name)).toBe(slug));
});

describe('communityForm', () => {
	const valid = {
		nameEn: 'Lowertown',
		nameFr: 'Basse-Ville',
		region: 'Ottawa',
		defaultLanguage: 'fr'
	};

	it('derives the slug from the English name when left empty', () => {
		expect(communityForm.parse({ ...valid, slug: '' }).slug).toBe('lowertown');
	});

	it('names each missing or bad field with a locale key', () => {
		const result = communityForm.safeParse({ nameEn: '', nameFr: ' ', defaultLanguage: 'de' });
		expect(result.success).toBe(false);
		if (!result.success) {
			expect(fieldErrors(result.error)).toEqual({
				nameEn: 'errors.required',
				nameFr: 'errors.required',
				defaultLanguage: 'errors.invalid_choice'
			});
		}
	});

	it('refuses slugs that are too short or badly formed', () => {
		const short = communityForm.safeParse({ ...valid, slug: 'ab' });
		const bad = communityForm.safeParse({ ...valid, slug: 'a--b' });
		expect(!short.success && fieldErrors(short.error)).toEqual({
			slug: 'communities.errors.slug_short'
		});
		expect(!bad.success && fieldErrors(bad.error)).toEqual({
			slug: 'communities.errors.slug_format'
		});
	});
});

describe('inviteForm', () => {
	it('normalises the email and checks the role', () => {
		expect(inviteForm.parse({ email: ' Ana@Example.ORG ', role: 'analyst' })).toEqual({
			email: 'ana@example.org',
			role: 'analyst'
		});
		const bad = inviteForm.safeParse({ email: 'not-an-email', role: 'king' });
		expect(!bad.success && fieldErrors(bad.error)).toEqual({
			email: 'errors.email',
			role: 'errors.invalid_choice'
		});
	});
});

describe('roles', () => {
	it('only owners manage roles', () => {
		expect(canManageRoles('owner')).toBe(true);
		expect(canManageRoles('organizer')).toBe(false);
	});

	it('owners invite anyone, organizers anyone but owners, others nobody', () => {
		expect(invitableRoles('owner')).toEqual(['owner', 'organizer', 'analyst', 'volunteer']);
		expect(invitableRoles('organizer')).toEqual(['organizer', 'analyst', 'volunteer']);
		expect(invitableRoles('analyst')).toEqual([]);
		expect(canInvite('volunteer', 'volunteer')).toBe(false);
	});
});

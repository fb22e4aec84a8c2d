import { describe, expect, it } from 'vitest';
import { contactFromForm } from './contact';
import { CONTACT_CONSENT, contactFields, typedContact } from './contact-fields';

const form = (entries: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(entries)) data.set(name, value);
	return data;
};

describe('typedContact', () => {
	it('is nothing when the block is left empty', () => {
		expect(typedContact(form({ [contactFields.name]: '  ' })).raw).toBeUndefined();
	});

	it('keeps what was typed, unchecked, with the consent as a boolean', () => {
		expect(
			typedContact(
				form({ [contactFields.phone]: 'call me', [contactFields.consent]: CONTACT_CONSENT })
			).raw
		).toEqual({ name: '', email: '', phone: 'call me', consent: true });
	});

	it('is what the server checks: the same form is refused there with field errors', () => {
		const typed = form({ [contactFields.email]: 'not an address' });
		expect(typedContact(typed).raw?.consent).toBe(false);
		const checked = contactFromForm(typed);
		expect(checked.given && !checked.ok && Object.keys(checked.errors).sort()).toEqual([
			contactFields.consent,
			contactFields.email
		]);
	});
});

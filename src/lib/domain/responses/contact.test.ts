import { describe, expect, it } from 'vitest';
import { contactFields, contactFromForm, contactSchema } from './contact';

const form = (values: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(values)) data.set(name, value);
	return data;
};

describe('contact details', () => {
	it('are not given when every field is empty and the box unticked', () => {
		expect(contactFromForm(form({}))).toEqual({ given: false });
		expect(contactFromForm(form({ [contactFields.name]: '  ' }))).toEqual({ given: false });
	});

	it('need an email or a phone, and the consent', () => {
		const result = contactFromForm(form({ [contactFields.name]: 'Ana' }));
		expect(result).toMatchObject({
			given: true,
			ok: false,
			errors: {
				contact_email: 'contact_details.errors.email_or_phone',
				contact_consent: 'contact_details.errors.consent'
			}
		});
	});

	it('are trimmed, the empty ones left out', () => {
		const result = contactFromForm(
			form({
				[contactFields.name]: ' Ana ',
				[contactFields.email]: ' ana@example.org ',
				[contactFields.phone]: '',
				[contactFields.consent]: 'on'
			})
		);
		expect(result).toMatchObject({
			given: true,
			ok: true,
			contact: { name: 'Ana', email: 'ana@example.org', phone: undefined }
		});
	});

	it('refuse a malformed email or phone, and text that is too long', () => {
		const check = (input: Record<string, unknown>) =>
			contactSchema.safeParse({ consent: true, ...input }).error?.issues.map((i) => i.message);
		expect(check({ email: 'not an email' })).toEqual(['errors.email']);
		expect(check({ phone: '12' })).toEqual(['contact_details.errors.phone']);
		expect(check({ phone: 'call me' })).toEqual(['contact_details.errors.phone']);
		expect(check({ phone: '+1 (613) 555-0100' })).toBeUndefined();
		expect(check({ phone: '613 555 0100', name: 'x'.repeat(101) })).toEqual(['errors.too_long']);
		expect(check({ consent: 'yes', email: 'a@b.ca' })).toEqual(['errors.invalid']);
	});
});

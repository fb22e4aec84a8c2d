import { z } from 'zod';
import {
	contactFields,
	typedContact,
	type ContactField,
	type ContactValues
} from './contact-fields';

export {
	CONTACT_CONSENT,
	contactFields,
	type ContactField,
	type ContactValues
} from './contact-fields';

/*
 * Contact details a resident may leave with a response when the questionnaire offers it: a name
 * (optional), and an email address or a phone number, with an explicit consent. They are stored
 * apart from the answers and only the community's owners can read them.
 */

const text = (max: number) =>
	z
		.string('errors.invalid')
		.trim()
		.max(max, 'errors.too_long')
		.optional()
		.transform((value) => value || undefined);

// Digits with the usual separators, an optional leading +, 7 to 15 digits (E.164's longest).
const PHONE = /^\+?[0-9 ().-]+$/;

export const contactSchema = z
	.object({
		name: text(100),
		email: text(254).pipe(z.email('errors.email').optional()),
		phone: text(40).refine(
			(phone) => phone === undefined || (PHONE.test(phone) && /^(\D*\d){7,15}\D*$/.test(phone)),
			'contact_details.errors.phone'
		),
		consent: z.boolean('errors.invalid')
	})
	.superRefine((contact, ctx) => {
		if (!contact.email && !contact.phone)
			ctx.addIssue({
				code: 'custom',
				message: 'contact_details.errors.email_or_phone',
				path: ['email']
			});
		if (!contact.consent)
			ctx.addIssue({
				code: 'custom',
				message: 'contact_details.errors.consent',
				path: ['consent']
			});
	})
	.transform(({ name, email, phone }): ContactDetails => ({ name, email, phone }));

/** Checked contact details: empty fields left out. */
export interface ContactDetails {
	name?: string;
	email?: string;
	phone?: string;
}
export type ContactInput = z.input<typeof contactSchema>;

/**
 * The contact part of a posted answering form: none when every contact field is left empty and
 * the box unticked; else the details, or the errors by form field name.
 */
export function contactFromForm(
	form: FormData
):
	| { given: false }
	| { given: true; ok: true; contact: ContactDetails; values: ContactValues }
	| { given: true; ok: false; errors: Record<string, string>; values: ContactValues } {
	const { values, raw } = typedContact(form);
	if (!raw) return { given: false };
	const parsed = contactSchema.safeParse(raw);
	if (parsed.success) return { given: true, ok: true, contact: parsed.data, values };
	return { given: true, ok: false, errors: contactErrors(parsed.error), values };
}

/** The schema's problems by form field name ('contact_email'), the first of each. */
export function contactErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = contactFields[issue.path[0] as ContactField] ?? contactFields.email;
		errors[field] ??= issue.message.includes('.') ? issue.message : 'errors.invalid';
	}
	return errors;
}

/*
 * The contact block's form fields, without zod: the residents' page script reads them (to keep a
 * submission made offline whole) and must stay small. The checks live in ./contact.ts, on the
 * server, which sees every submission whichever way it arrives.
 */

/** The answering form's field names (never answer fields: a draft on the device leaves them out). */
export const contactFields = {
	name: 'contact_name',
	email: 'contact_email',
	phone: 'contact_phone',
	consent: 'contact_consent'
} as const;
export type ContactField = keyof typeof contactFields;

/** What a checked consent box posts (a checkbox's own default). */
export const CONTACT_CONSENT = 'on';

/** What the person typed, by field, to show again after a refused submission. */
export type ContactValues = Partial<Record<ContactField, string>>;

/** The contact block as typed, unchecked: what the JSON endpoint's `contact` takes. */
export interface RawContact {
	name: string;
	email: string;
	phone: string;
	consent: boolean;
}

/** The contact fields of a posted form, as typed: none when all are empty and the box unticked. */
export function typedContact(form: FormData): { values: ContactValues; raw?: RawContact } {
	const read = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const values: ContactValues = {
		name: read(contactFields.name),
		email: read(contactFields.email),
		phone: read(contactFields.phone),
		consent: read(contactFields.consent)
	};
	if (!values.name?.trim() && !values.email?.trim() && !values.phone?.trim() && !values.consent)
		return { values };
	return {
		values,
		raw: {
			name: values.name ?? '',
			email: values.email ?? '',
			phone: values.phone ?? '',
			consent: values.consent === CONTACT_CONSENT
		}
	};
}

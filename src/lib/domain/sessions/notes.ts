import { z } from 'zod';
import { languages, type Lang } from '../../i18n/languages';
import type { Bilingual } from '../questionnaires/bilingual';
import { optionalId, UUID } from './records';

/** Matches the SQL enum session_note_kind. */
export const noteKinds = ['quote', 'summary'] as const;
export type NoteKind = (typeof noteKinds)[number];

export const NOTE_MAX_LENGTH = 4000;

/** What a note is made of, however it arrives (typed during the session, edited, imported). */
export type NoteInput = {
	kind: NoteKind;
	language: Lang;
	text: string;
	/** the same note in the other language, or '' */
	translation: string;
	promptId: string | null;
};

export const noteForm = z.object({
	/** generated with the form, so a form sent twice saves one note */
	id: z
		.string()
		.trim()
		.default('')
		.refine((text) => text === '' || UUID.test(text), 'errors.invalid')
		.transform((text) => text || null),
	text: z
		.string()
		.trim()
		.min(1, 'sessions.errors.note_required')
		.max(NOTE_MAX_LENGTH, 'errors.too_long'),
	translation: z.string().trim().max(NOTE_MAX_LENGTH, 'errors.too_long').default(''),
	language: z.enum(languages, 'errors.invalid_choice'),
	kind: z.enum(noteKinds, 'errors.invalid_choice'),
	promptId: optionalId
});
export type NoteForm = z.infer<typeof noteForm>;

export function noteInput(values: Record<string, string>) {
	return {
		id: values.id,
		text: values.text ?? '',
		translation: values.translation,
		language: values.language,
		kind: values.kind,
		promptId: values.promptId
	};
}

export const otherLanguage = (lang: Lang): Lang => (lang === 'en' ? 'fr' : 'en');

/** Stored as bilingual content: the note in its own language, its translation in the other. */
export function noteBody(note: Pick<NoteInput, 'language' | 'text' | 'translation'>): Bilingual {
	return {
		[note.language]: note.text,
		[otherLanguage(note.language)]: note.translation
	} as Bilingual;
}

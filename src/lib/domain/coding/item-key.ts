/*
 * Items to code come from several sources; each is named by a stable key of its kind and ids,
 * so codings, rejected suggestions and the second-coding sample can refer to any of them.
 */

export type ItemKind = 'answer' | 'note' | 'endorsement';

export type ItemRef =
	| { kind: 'answer'; responseId: string; questionId: string }
	| { kind: 'note'; noteId: string }
	| { kind: 'endorsement'; endorsementId: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ANSWER_KEY = new RegExp(`^answer:(${UUID}):(${UUID})$`);
const NOTE_KEY = new RegExp(`^note:(${UUID})$`);
const ENDORSEMENT_KEY = new RegExp(`^endorsement:(${UUID})$`);

export function itemKey(ref: ItemRef): string {
	if (ref.kind === 'endorsement') return `endorsement:${ref.endorsementId}`;
	return ref.kind === 'note' ? `note:${ref.noteId}` : `answer:${ref.responseId}:${ref.questionId}`;
}

/** The response an item belongs to, kept with its codings as a foreign key; notes have none. */
export function itemResponseId(ref: ItemRef): string | null {
	return ref.kind === 'answer' ? ref.responseId : null;
}

/** null for anything that is not a well-formed key of a known kind. */
export function parseItemKey(key: string): ItemRef | null {
	const answer = ANSWER_KEY.exec(key);
	if (answer) return { kind: 'answer', responseId: answer[1], questionId: answer[2] };
	const note = NOTE_KEY.exec(key);
	if (note) return { kind: 'note', noteId: note[1] };
	const endorsement = ENDORSEMENT_KEY.exec(key);
	if (endorsement) return { kind: 'endorsement', endorsementId: endorsement[1] };
	return null;
}

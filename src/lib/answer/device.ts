/*
 * Answers in progress kept on the person's device, with JavaScript: a draft in localStorage (one
 * per questionnaire, restored when they come back, removed once sent) and, for a language switch
 * (a plain link that reloads the page), a hand-over in sessionStorage keyed by questionnaire and
 * response, taken back by the page in the other language.
 */
import type { SurveyState } from './view';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const draftKey = (slug: string) => `cg-survey:${slug}`;
const handoffPrefix = (slug: string) => `cg-survey:${slug}:`;

function isState(value: unknown): value is SurveyState {
	if (typeof value !== 'object' || value === null) return false;
	const state = value as Record<string, unknown>;
	return (
		typeof state.responseId === 'string' &&
		typeof state.receipt === 'string' &&
		typeof state.editing === 'boolean' &&
		Number.isInteger(state.section) &&
		Array.isArray(state.fields) &&
		state.fields.every(
			(pair) =>
				Array.isArray(pair) &&
				pair.length === 2 &&
				typeof pair[0] === 'string' &&
				typeof pair[1] === 'string'
		)
	);
}

function read(storage: Store, key: string): SurveyState | null {
	try {
		const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
		return isState(value) ? value : null;
	} catch {
		return null;
	}
}

function attempt(fn: () => void) {
	try {
		fn();
	} catch {
		// storage refused (private browsing, full): the form still works without it
	}
}

export function saveDraft(storage: Store, slug: string, state: SurveyState) {
	attempt(() => storage.setItem(draftKey(slug), JSON.stringify(state)));
}

export function loadDraft(storage: Store, slug: string): SurveyState | null {
	return read(storage, draftKey(slug));
}

export function clearDraft(storage: Store, slug: string) {
	attempt(() => storage.removeItem(draftKey(slug)));
}

export function handOver(storage: Store, slug: string, state: SurveyState) {
	attempt(() => storage.setItem(handoffPrefix(slug) + state.responseId, JSON.stringify(state)));
}

/** The state handed over for this questionnaire, if any; the hand-over is used up. */
export function takeHandOver(storage: Store, slug: string): SurveyState | null {
	let found: SurveyState | null = null;
	try {
		const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
		for (const key of keys) {
			if (!key?.startsWith(handoffPrefix(slug))) continue;
			found = read(storage, key) ?? found;
			storage.removeItem(key);
		}
	} catch {
		return found;
	}
	return found;
}

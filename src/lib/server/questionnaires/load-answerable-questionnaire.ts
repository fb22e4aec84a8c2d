import { questionnaireDefinition, type QuestionnaireDefinition } from '$lib/domain/questionnaires';
import type { Queryable } from '../db/types';
import {
	loadDefinition,
	loadQuestionnaireMeta,
	type LoadedQuestionnaire
} from './load-questionnaire';

export interface AnswerableQuestionnaire {
	loaded: LoadedQuestionnaire;
	/** the definition checked by questionnaireDefinition; null when it is not valid (a draft) */
	definition: QuestionnaireDefinition | null;
}

interface Entry {
	version: string;
	definition: LoadedQuestionnaire['definition'];
	parsed: QuestionnaireDefinition | null;
}

/*
 * Reading the sections and questions under RLS and parsing them with zod cost more than saving a
 * response, and every answering page and submission needs them. So the parsed definition is kept
 * here, by questionnaire id, with the definition version it was read at
 * (questionnaires.definition_version, changed by the database on every edit). Each use reads the
 * version again in the caller's own transaction and takes the entry only when it matches: an
 * edit made through another instance, or in SQL, is seen at once. Nothing here is needed for
 * correctness; a second instance or a restart only reads once more.
 */
const MAX_ENTRIES = 200;
const cache = new Map<string, Entry>();

/** Shared between requests: freezing makes an accidental change fail loudly instead of leaking. */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

function remember(id: string, entry: Entry) {
	cache.delete(id);
	cache.set(id, entry);
	// Map keeps insertion order: the first key is the least recently stored.
	if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/**
 * A questionnaire as the caller may see it under RLS (residents: open ones only), with its
 * definition parsed for answering. One query when the definition has not changed since it was
 * last read; three otherwise. null when the caller cannot see it.
 */
export async function loadAnswerableQuestionnaire(
	tx: Queryable,
	by: { id: string } | { slug: string }
): Promise<AnswerableQuestionnaire | null> {
	const meta = await loadQuestionnaireMeta(tx, by);
	if (!meta) return null;
	let entry = cache.get(meta.id);
	if (!entry || entry.version !== meta.definitionVersion) {
		const definition = await loadDefinition(tx, meta);
		const parsed = questionnaireDefinition.safeParse(definition);
		entry = deepFreeze({
			version: meta.definitionVersion,
			definition,
			parsed: parsed.success ? parsed.data : null
		});
		remember(meta.id, entry);
	}
	return { loaded: { meta, definition: entry.definition }, definition: entry.parsed };
}

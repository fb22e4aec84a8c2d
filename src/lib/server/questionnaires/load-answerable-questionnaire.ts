import { questionnaireDefinition, type QuestionnaireDefinition } from '$lib/domain/questionnaires';
import type { Queryable } from '../db/types';
import {
	loadDefinition,
	loadQuestionnaireMeta,
	type LoadedQuestionnaire,
	type QuestionnaireMeta
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
	/** as last read: only its id and slug are taken from here without reading it again */
	meta: QuestionnaireMeta;
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
/** slug → id of the questionnaires in the cache (a published questionnaire's slug never changes) */
const idsBySlug = new Map<string, string>();

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
	idsBySlug.set(entry.meta.slug, id);
	// Map keeps insertion order: the first key is the least recently stored.
	if (cache.size > MAX_ENTRIES) {
		const oldest = cache.keys().next().value!;
		idsBySlug.delete(cache.get(oldest)!.meta.slug);
		cache.delete(oldest);
	}
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
			parsed: parsed.success ? parsed.data : null,
			// a copy: the caller's own stays theirs to change
			meta: structuredClone(meta)
		});
	} else entry = { ...entry, meta: deepFreeze(structuredClone(meta)) };
	remember(meta.id, entry);
	return { loaded: { meta, definition: entry.definition }, definition: entry.parsed };
}

/**
 * The questionnaire at slug as this process last read it, without reading it now: who may see it
 * and whether it still takes answers are not known from here. For checking submissions that are
 * then saved with the definition version they were checked against, which the database compares
 * (save_responses answers 'stale' when it changed). undefined when not in memory.
 */
export function rememberedAnswerable(
	slug: string
): { questionnaire: AnswerableQuestionnaire; version: string } | undefined {
	const id = idsBySlug.get(slug);
	const entry = id === undefined ? undefined : cache.get(id);
	if (!entry || entry.meta.slug !== slug) return undefined;
	return {
		questionnaire: {
			loaded: { meta: entry.meta, definition: entry.definition },
			definition: entry.parsed
		},
		version: entry.version
	};
}

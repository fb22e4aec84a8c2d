import {
	otherTextOf,
	questionSchema,
	type Question,
	type QuestionnaireDefinitionInput
} from '$lib/domain/questionnaires';
import type { ExportResponse } from '$lib/domain/results/csv';
import { filterParams, type ResultsFilter } from '$lib/domain/results/filters';
import {
	presentResults,
	type GroupCounts,
	type ResultsView,
	viewVisibility
} from '$lib/domain/results/present';
import { summarizeQuestion, type AnswerRecord } from '$lib/domain/results/summarize';
import { effectiveK } from '$lib/domain/suppression/suppress';
import type { Queryable } from '../db/types';
import { answerTallies, byKey, filterJson, tallyKey } from './answer-tallies';

/** One response with its answers, as results and exports read it; never contact details. */
export interface ResultResponse extends ExportResponse {
	id: string;
	submittedAt: Date;
}

/**
 * The questions of a stored definition in reading order. A questionnaire with responses has been
 * published, so its questions are valid; one that somehow is not is left out of the results
 * rather than breaking the page.
 */
export function questionsOf(definition: QuestionnaireDefinitionInput): Question[] {
	return definition.sections.flatMap((section) =>
		section.questions.flatMap((raw) => {
			const parsed = questionSchema.safeParse(raw);
			return parsed.success ? [parsed.data] : [];
		})
	);
}

/**
 * The filter as SQL conditions, one per filter in use, with their parameters numbered from
 * `first`: on responses r (with their demographic answers), or on counted profiles p
 * (public.response_profiles, whose demographics are one object).
 */
function conditions(
	filter: ResultsFilter,
	first: number,
	on: 'responses' | 'profiles' = 'responses'
) {
	const params: unknown[] = [];
	const parts: string[] = [];
	const param = (value: unknown) => {
		params.push(value);
		return `$${first + params.length - 1}`;
	};
	const row = on === 'responses' ? 'r' : 'p';
	for (const [name, value] of filterParams(filter)) {
		if (name === 'channel') parts.push(`${row}.channel = ${param(value)}::public.response_channel`);
		else if (name === 'language')
			parts.push(`${row}.language = ${param(value)}::public.content_language`);
		else if (on === 'profiles') parts.push(`p.demographics ->> ${param(name)} = ${param(value)}`);
		else
			parts.push(
				`exists (select 1 from public.demographic_answers d
					where d.response_id = r.id and d.dimension = ${param(name)} and d.value = ${param(value)})`
			);
	}
	return { parts, params };
}

const all = (parts: string[]) => (parts.length ? parts.map((p) => `(${p})`).join(' and ') : 'true');

export type CountsResult = { allowed: false } | { allowed: true; counts: GroupCounts };

/**
 * How many responses the view covers, how many the questionnaire has, and how many each wider
 * view (one filter less) covers: sums over the running counts (a few thousand profiles, never
 * the responses themselves). allowed is false when the signed-in person's role may not read
 * responses (RLS would show them none).
 */
export async function countResponses(
	tx: Queryable,
	questionnaireId: string,
	filter: ResultsFilter
): Promise<CountsResult> {
	const { parts, params } = conditions(filter, 2, 'profiles');
	const sum = (where: string) => `coalesce(sum(p.respondents) filter (where ${where}), 0)::int`;
	const parents = parts.map((_, index) => sum(all(parts.filter((__, other) => other !== index))));
	const [row] = await tx.query<{
		allowed: boolean;
		size: number;
		total: number;
		parents: number[];
	}>(
		`select
			public.has_community_role(q.community_id, '{owner,organizer,analyst}') as allowed,
			counted.*
		from public.questionnaires q
		cross join lateral (
			select ${sum(all(parts))} as size, ${sum('true')} as total,
				${parents.length ? `array[${parents.join(', ')}]` : `'{}'::int[]`} as parents
			from public.response_profiles p where p.questionnaire_id = q.id
		) counted
		where q.id = $1`,
		[questionnaireId, ...params]
	);
	if (!row?.allowed) return { allowed: false };
	return {
		allowed: true,
		counts: { size: row.size, total: row.total, parents: row.parents }
	};
}

/**
 * The responses the filter picks, oldest first, each with its answers by question and its
 * demographic answers by dimension, in one query, as the signed-in person may read them (RLS).
 */
export async function listResponses(
	tx: Queryable,
	questionnaireId: string,
	filter: ResultsFilter
): Promise<ResultResponse[]> {
	const { parts, params } = conditions(filter, 2);
	return tx.query<ResultResponse>(
		`select r.id, r.submitted_at as "submittedAt", r.channel, r.language,
			coalesce((select jsonb_object_agg(a.question_id, a.value) from public.answers a
				where a.response_id = r.id), '{}') as answers,
			coalesce((select jsonb_object_agg(d.dimension, d.value) from public.demographic_answers d
				where d.response_id = r.id), '{}') as demographics
		from public.responses r
		where r.questionnaire_id = $1 and ${all(parts)}
		order by r.submitted_at, r.id`,
		[questionnaireId, ...params]
	);
}

/** Every question's answers in these responses, summarised. */
export function summarize(questions: readonly Question[], responses: readonly ResultResponse[]) {
	return questions.map((question) => ({
		question,
		summary: summarizeQuestion(
			question,
			responses.flatMap((response) => {
				const value =
					question.type === 'demographic'
						? response.demographics[question.dimension]
						: response.answers[question.id];
				return value === undefined || value === null
					? []
					: [{ value, language: response.language }];
			})
		)
	}));
}

/** How many written answers (and "other" texts) of a question the page lists: the latest. */
export const LISTED_TEXTS = 1000;

/** Which answers to a question carry words to list: all (written answers), "other" ones, none. */
function wordsOf(question: Question): 'all' | 'other' | null {
	if (question.type === 'short_text' || question.type === 'long_text') return 'all';
	return 'allowOther' in question && question.allowOther === true ? 'other' : null;
}

/**
 * The latest LISTED_TEXTS answers with words of each question in the view, oldest first, with
 * the language of the response (public.latest_answer_texts, which checks the person's role).
 * Questions the counts show nobody wrote in are not looked up at all.
 */
async function listTexts(
	tx: Queryable,
	questionnaireId: string,
	questions: readonly Question[],
	filter: ResultsFilter,
	written: (question: Question) => number
): Promise<Map<string, AnswerRecord[]>> {
	const byQuestion = new Map<string, AnswerRecord[]>();
	for (const question of questions) {
		const words = wordsOf(question);
		if (words === null || written(question) === 0) continue;
		const rows = await tx.query<{ value: unknown; language: 'en' | 'fr' }>(
			'select value, language from public.latest_answer_texts($1, $2, $3::jsonb, $4, $5)',
			[questionnaireId, question.id, filterJson(filter), words === 'other', LISTED_TEXTS]
		);
		byQuestion.set(
			question.id,
			rows.map((row) => ({ ...row, count: 0 }))
		);
	}
	return byQuestion;
}

/**
 * Every question of the view summarised from the running counts, with the latest written
 * answers and "other" texts listed beside them (counted with 0: the counts already hold them).
 */
export async function summarizeView(
	tx: Queryable,
	questionnaireId: string,
	questions: readonly Question[],
	filter: ResultsFilter
) {
	const tallies = byKey(await answerTallies(tx, { questionnaireId, questions, filter }));
	// how many answered with words: counted as "" (a written answer) or {"other": ""}
	const written = (question: Question) =>
		(tallies.get(tallyKey(question)) ?? [])
			.filter((row) => row.value === '' || otherTextOf(row.value as never) !== undefined)
			.reduce((sum, row) => sum + row.count, 0);
	const texts = await listTexts(tx, questionnaireId, questions, filter, written);
	return questions.map((question) => ({
		question,
		summary: summarizeQuestion(question, [
			...(tallies.get(tallyKey(question)) ?? []),
			...(texts.get(question.id) ?? [])
		])
	}));
}

export type ResultsOutcome = { allowed: false } | { allowed: true; view: ResultsView };

/**
 * The results page's data: the view with suppression applied, or why it cannot be shown. The
 * answers are read only when the view may be shown; the group's size goes no further than here
 * unless the view is shown (the page's data can be read in its HTML).
 */
export async function questionnaireResults(
	tx: Queryable,
	input: {
		questionnaireId: string;
		questions: readonly Question[];
		filter: ResultsFilter;
		k: number;
	}
): Promise<ResultsOutcome> {
	const counted = await countResponses(tx, input.questionnaireId, input.filter);
	if (!counted.allowed) return counted;
	const { counts } = counted;
	const summaries = viewVisibility(counts, input.k).shown
		? await summarizeView(tx, input.questionnaireId, input.questions, input.filter)
		: summarize(input.questions, []);
	return {
		allowed: true,
		view: presentResults(summaries, counts, input.k)
	};
}

export type ExportOutcome =
	| { ok: false; reason: 'role' | 'too_small'; k: number }
	| { ok: true; responses: ResultResponse[] };

/** The responses an export covers, when the person may read them and the group may be shown. */
export async function responsesForExport(
	tx: Queryable,
	input: { questionnaireId: string; filter: ResultsFilter; k: number }
): Promise<ExportOutcome> {
	const k = effectiveK(input.k);
	const counted = await countResponses(tx, input.questionnaireId, input.filter);
	if (!counted.allowed) return { ok: false, reason: 'role', k };
	if (!viewVisibility(counted.counts, k).shown) return { ok: false, reason: 'too_small', k };
	return { ok: true, responses: await listResponses(tx, input.questionnaireId, input.filter) };
}

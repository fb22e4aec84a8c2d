import { pgError, UNIQUE_VIOLATION } from '../db/errors';
import { groupCommit } from '../db/group-commit';
import { loadAnswerableQuestionnaire, rememberedAnswerable } from './load-answerable-questionnaire';
import {
	checkSubmission,
	saveCheckedSubmissions,
	saveResponsesStatement,
	submissionRefusal,
	type CheckedSubmission,
	type SavedOutcomes,
	type Submission,
	type SubmitOutcome
} from './submit-response';

export type GroupedOutcome = SubmitOutcome | { ok: false; reason: 'not_found' };

interface Queued {
	/** the request's own locals: every request of one key runs as the same user */
	asUser: App.Locals['asUser'];
	asUserPipeline: App.Locals['asUserPipeline'];
	slug: string;
	submission: Submission;
}

/**
 * The usual case in one round trip: submissions checked against the definitions this process
 * holds in memory, then saved by one statement sent with the role and claims (asUserPipeline),
 * with the definition version each was checked against. Only what that settles is answered
 * here (created, updated, duplicate); the rest is left undefined, for the full way below:
 * questionnaires not in memory or no longer taking answers, definitions changed since ('stale'),
 * answers that fail their checks (told against the definition read now), contact details (saved
 * after their response). Rejects, having saved nothing, when the database refuses the statement.
 */
async function saveRemembered(items: Queued[]): Promise<(GroupedOutcome | undefined)[]> {
	const outcomes: (GroupedOutcome | undefined)[] = items.map(() => undefined);
	const ready: { at: number; checked: CheckedSubmission; version: string }[] = [];
	items.forEach(({ slug, submission }, at) => {
		const remembered = rememberedAnswerable(slug);
		const definition = remembered?.questionnaire.definition;
		if (!remembered || !definition || submission.contact) return;
		const result = checkSubmission(
			{ loaded: remembered.questionnaire.loaded, definition },
			submission
		);
		if (result.ok) ready.push({ at, checked: result.checked, version: remembered.version });
	});
	if (ready.length === 0) return outcomes;
	const statement = saveResponsesStatement(
		ready.map((r) => r.checked),
		ready.map((r) => r.version)
	);
	const [[saved]] = (await items[0].asUserPipeline([statement])) as [[SavedOutcomes]];
	ready.forEach(({ at }, i) => {
		const outcome = saved.outcomes[i];
		if (outcome === 'created' || outcome === 'updated' || outcome === 'duplicate')
			outcomes[at] = { ok: true, outcome };
	});
	return outcomes;
}

/**
 * The full way: one transaction for a batch, as its people (they share one key, so one role and
 * claims): each questionnaire read once under RLS (its parsed definition is usually in memory),
 * each submission checked against the definition of that same transaction, then the valid ones
 * saved by one statement. A submission that fails its checks is answered without touching the
 * others.
 */
function commitReading(items: Queued[]): Promise<GroupedOutcome[]> {
	return items[0].asUser(async (tx) => {
		const questionnaires = new Map<
			string,
			Awaited<ReturnType<typeof loadAnswerableQuestionnaire>>
		>();
		for (const slug of new Set(items.map((item) => item.slug)))
			questionnaires.set(slug, await loadAnswerableQuestionnaire(tx, { slug }));
		const outcomes: GroupedOutcome[] = [];
		const valid: { at: number; checked: CheckedSubmission }[] = [];
		items.forEach(({ slug, submission }, at) => {
			const found = questionnaires.get(slug);
			// not visible to residents (closed, not yet open) or not a valid definition (a draft)
			const definition = found?.definition;
			if (!found || !definition) {
				outcomes[at] = { ok: false, reason: 'not_found' };
				return;
			}
			const result = checkSubmission({ loaded: found.loaded, definition }, submission);
			if (result.ok) valid.push({ at, checked: result.checked });
			else outcomes[at] = result;
		});
		const saved = await saveCheckedSubmissions(
			tx,
			valid.map((v) => v.checked)
		);
		valid.forEach(({ at }, i) => (outcomes[at] = saved[i]));
		return outcomes;
	});
}

/**
 * A batch: what saveRemembered settles in one round trip, then the rest the full way. Once some
 * are saved, the rest go one at a time, so that a refusal of the database is only its own
 * submission's (a refusal that is not a submission's outcome rejects the batch, and the group
 * commit tries each again alone: a response already saved then answers 'updated').
 */
async function commitBatch(items: Queued[]): Promise<GroupedOutcome[]> {
	const outcomes = await saveRemembered(items).catch((error: unknown) => {
		// A key taken: a response saved meanwhile by another transaction (a retry elsewhere), or
		// a receipt code in use. Nothing was saved; the full way, in a new transaction, sees the
		// first as saved and gives each its outcome.
		if (pgError(error).code === UNIQUE_VIOLATION) return items.map(() => undefined);
		throw error;
	});
	const rest = items.flatMap((item, at) => (outcomes[at] ? [] : [{ item, at }]));
	if (rest.length === items.length) return commitReading(items);
	for (const { item, at } of rest)
		outcomes[at] = await commitReading([item]).then(
			([outcome]) => outcome,
			(error) => {
				const refusal = submissionRefusal(error);
				if (!refusal) throw error;
				return refusal;
			}
		);
	return outcomes as GroupedOutcome[];
}

type Write = (key: string, item: Queued) => Promise<GroupedOutcome>;

/**
 * One transaction at a time, on both databases. PGlite has one connection anyway. On PostgreSQL,
 * three batches side by side were measured slower (p99 1.3 s against 0.17 s at 50 clients): the
 * commit-time counts (public.count_response) update the same count rows for every response, so
 * batches side by side wait on each other's row locks, and deadlock when their responses take
 * them in different orders (PostgreSQL then cancels one after deadlock_timeout, 1 s).
 */
export function submissionWriter(): Write {
	return groupCommit({ commit: commitBatch, concurrency: 1 });
}

const serverWrite = submissionWriter();

/**
 * Checks and saves one response to the questionnaire at slug, as this request's user, in a
 * transaction shared with the submissions that arrived while the previous one committed (see
 * group-commit.ts); answered once that transaction has committed. Outcomes as submitResponse's,
 * plus { ok: false, reason: 'not_found' } when the person cannot see an answerable
 * questionnaire at slug. A database refusal rejects, for submissionRefusal() to read.
 * `writer` is for tests.
 */
export function submitGrouped(
	locals: Pick<App.Locals, 'asUser' | 'asUserPipeline' | 'user'>,
	slug: string,
	submission: Submission,
	writer: Write = serverWrite
): Promise<GroupedOutcome> {
	// Only requests made as the same person (or all anonymous ones) may share a transaction:
	// it runs with their role and claims.
	const key = locals.user ? `user:${locals.user.id}` : 'anon';
	const { asUser, asUserPipeline } = locals;
	return writer(key, { asUser, asUserPipeline, slug, submission });
}

import type { StatusAction } from '$lib/domain/builder/forms';
import {
	publishProblems,
	questionnaireDefinition,
	type PublishProblem
} from '$lib/domain/questionnaires';
import type { Lang } from '$lib/i18n/languages';
import type { Queryable } from '../db/types';
import { loadBuilderState, notAllowed, notFound, type Refusal } from './builder-state';

type Status = 'draft' | 'open' | 'closed';

/** Each action takes a questionnaire from one status to another. */
const transitions: Record<StatusAction, { from: Status; to: Status }> = {
	publish: { from: 'draft', to: 'open' },
	close: { from: 'open', to: 'closed' },
	reopen: { from: 'closed', to: 'open' }
};

/**
 * Publishes (opens) a draft, closes an open questionnaire now, or reopens a closed one.
 * Opening, first or again, is refused while anything would stop residents from answering in
 * either language: every problem is returned, with the place it is in (in `lang`), its field
 * path and, for a missing translation, the language. Also refused when the questionnaire is not
 * in the status the action starts from, or its closing date has passed.
 * Outcomes: { ok: true, status } | { ok: false, problems } | { ok: false, error } —
 * 'builder.errors.wrong_status', 'builder.errors.closes_in_past', not found, not allowed (RLS).
 */
export async function setQuestionnaireStatus(
	tx: Queryable,
	input: { questionnaireId: string; action: StatusAction },
	lang: Lang = 'en'
): Promise<{ ok: true; status: Status } | { ok: false; problems: PublishProblem[] } | Refusal> {
	const state = await loadBuilderState(tx, input.questionnaireId);
	if (!state) return notFound;
	const { from, to } = transitions[input.action];
	if (state.meta.status !== from) return { ok: false, error: 'builder.errors.wrong_status' };
	if (to === 'open') {
		const problems = publishProblems(state.definition, lang);
		if (problems.length > 0) return { ok: false, problems };
		// publishProblems includes the schema's findings; checked again so that nothing invalid
		// can open whatever that list reports.
		if (!questionnaireDefinition.safeParse(state.definition).success)
			return { ok: false, error: 'builder.errors.invalid_definition' };
		if (state.meta.closesAt && new Date(state.meta.closesAt) <= new Date())
			return { ok: false, error: 'builder.errors.closes_in_past' };
	}
	const rows = await tx.query(
		`update public.questionnaires set status = $3::public.questionnaire_status, updated_at = now()
		where id = $1 and status = $2::public.questionnaire_status returning id`,
		[input.questionnaireId, from, to]
	);
	return rows.length > 0 ? { ok: true, status: to } : notAllowed;
}

import {
	arrangementOf,
	breaksConditions,
	moveQuestion,
	moveSection
} from '$lib/domain/builder/arrangement';
import type { Direction, ItemKind } from '$lib/domain/builder/forms';
import type { Queryable } from '../db/types';
import {
	loadBuilderState,
	notAllowed,
	notFound,
	writeArrangement,
	type Refusal
} from './builder-state';

/**
 * Moves a section, or a question, one place up or down; a question at the edge of its section
 * moves into the neighbouring one. Positions stay dense (0, 1, 2 …).
 * Outcomes: { ok: true } | { ok: false, error } — 'builder.errors.cannot_move' when it is
 * already first or last, 'builder.errors.move_breaks_condition' when a condition would then
 * depend on a later question, not found, or not allowed (RLS).
 */
export async function moveItem(
	tx: Queryable,
	input: { questionnaireId: string; kind: ItemKind; id: string; direction: Direction }
): Promise<{ ok: true } | Refusal> {
	const state = await loadBuilderState(tx, input.questionnaireId);
	if (!state) return notFound;
	const arrangement = arrangementOf(state.definition);
	const exists =
		input.kind === 'section'
			? arrangement.some((section) => section.sectionId === input.id)
			: arrangement.some((section) => section.questionIds.includes(input.id));
	if (!exists) return notFound;
	const moved =
		input.kind === 'section'
			? moveSection(arrangement, input.id, input.direction)
			: moveQuestion(arrangement, input.id, input.direction);
	if (!moved) return { ok: false, error: 'builder.errors.cannot_move' };
	if (breaksConditions(state.definition, moved))
		return { ok: false, error: 'builder.errors.move_breaks_condition' };
	const changed = await writeArrangement(tx, input.questionnaireId, moved);
	return changed > 0 ? { ok: true } : notAllowed;
}

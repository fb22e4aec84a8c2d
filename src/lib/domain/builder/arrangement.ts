import {
	demographicDimensionKeys,
	demographicQuestion,
	emptyBilingual,
	type Condition,
	type QuestionInput,
	type QuestionnaireDefinitionInput,
	type QuestionType
} from '../questionnaires';
import type { Direction } from './forms';

/** The order of a questionnaire: its sections, each with its questions' ids, in reading order. */
export type Arrangement = { sectionId: string; questionIds: string[] }[];

export function arrangementOf(definition: QuestionnaireDefinitionInput): Arrangement {
	return definition.sections.map((section) => ({
		sectionId: section.id,
		questionIds: section.questions.map((question) => question.id)
	}));
}

const step = (direction: Direction) => (direction === 'up' ? -1 : 1);

/** The arrangement with a section moved one place; null when it is already first or last. */
export function moveSection(
	arrangement: Arrangement,
	sectionId: string,
	direction: Direction
): Arrangement | null {
	const from = arrangement.findIndex((section) => section.sectionId === sectionId);
	const to = from + step(direction);
	if (from < 0 || to < 0 || to >= arrangement.length) return null;
	const moved = arrangement.map((section) => ({ ...section }));
	[moved[from], moved[to]] = [moved[to], moved[from]];
	return moved;
}

/**
 * The arrangement with a question moved one place. At the top or bottom of its section it moves
 * into the neighbouring section (to its end, or its start); null when there is nowhere to go.
 */
export function moveQuestion(
	arrangement: Arrangement,
	questionId: string,
	direction: Direction
): Arrangement | null {
	const s = arrangement.findIndex((section) => section.questionIds.includes(questionId));
	if (s < 0) return null;
	const moved = arrangement.map((section) => ({
		...section,
		questionIds: [...section.questionIds]
	}));
	const ids = moved[s].questionIds;
	const q = ids.indexOf(questionId);
	const to = q + step(direction);
	if (to >= 0 && to < ids.length) {
		[ids[q], ids[to]] = [ids[to], ids[q]];
		return moved;
	}
	const neighbour = moved[s + step(direction)];
	if (!neighbour) return null;
	ids.splice(q, 1);
	if (direction === 'up') neighbour.questionIds.push(questionId);
	else neighbour.questionIds.unshift(questionId);
	return moved;
}

/** The arrangement with a question inserted right after another. */
export function insertAfter(arrangement: Arrangement, afterId: string, newId: string): Arrangement {
	return arrangement.map((section) => {
		const index = section.questionIds.indexOf(afterId);
		if (index < 0) return section;
		const questionIds = [...section.questionIds];
		questionIds.splice(index + 1, 0, newId);
		return { ...section, questionIds };
	});
}

/** The arrangement without a section or question. */
export function without(arrangement: Arrangement, id: string): Arrangement {
	return arrangement
		.filter((section) => section.sectionId !== id)
		.map((section) => ({
			...section,
			questionIds: section.questionIds.filter((questionId) => questionId !== id)
		}));
}

/**
 * Ids of the sections and questions whose condition names a question that does not come before
 * them in this arrangement (a condition may only look back).
 */
export function conditionsLookingAhead(
	definition: QuestionnaireDefinitionInput,
	arrangement: Arrangement
): string[] {
	const conditions = new Map<string, Condition | undefined>();
	for (const section of definition.sections) {
		conditions.set(section.id, section.condition);
		for (const question of section.questions) conditions.set(question.id, question.condition);
	}
	const earlier = new Set<string>();
	const ahead: string[] = [];
	const check = (id: string) => {
		const condition = conditions.get(id);
		if (condition && !earlier.has(condition.questionId)) ahead.push(id);
	};
	for (const section of arrangement) {
		check(section.sectionId);
		for (const questionId of section.questionIds) {
			check(questionId);
			earlier.add(questionId);
		}
	}
	return ahead;
}

/** Whether rearranging would leave a condition looking ahead that did not before. */
export function breaksConditions(
	definition: QuestionnaireDefinitionInput,
	arrangement: Arrangement
): boolean {
	const before = new Set(conditionsLookingAhead(definition, arrangementOf(definition)));
	return conditionsLookingAhead(definition, arrangement).some((id) => !before.has(id));
}

/** Sections and questions whose condition depends on a question. */
export function dependentsOf(
	definition: QuestionnaireDefinitionInput,
	questionId: string
): string[] {
	return definition.sections.flatMap((section) => [
		...(section.condition?.questionId === questionId ? [section.id] : []),
		...section.questions
			.filter((question) => question.condition?.questionId === questionId)
			.map((question) => question.id)
	]);
}

const blankOption = () => ({ value: '', label: emptyBilingual() });

/**
 * A new question of a type, blank but for sensible settings: two blank options to fill in for
 * the choice types (their keys are made from the labels when first saved), the usual limits for
 * text, and for a demographic question the first dimension the questionnaire does not ask yet.
 */
export function newQuestion(
	type: QuestionType,
	id: string,
	usedDimensions: readonly string[] = []
): QuestionInput {
	const base = { id, prompt: emptyBilingual(), required: false };
	switch (type) {
		case 'single_choice':
		case 'multiple_choice':
			return { ...base, type, options: [blankOption(), blankOption()] } as QuestionInput;
		case 'ranking':
			return { ...base, type, options: [blankOption(), blankOption()], top: 2 };
		case 'rating':
			return { ...base, type, min: 0, max: 10 };
		case 'short_text':
			return { ...base, type, maxLength: 200 };
		case 'long_text':
			return { ...base, type, maxLength: 5000 };
		case 'consent':
			return { ...base, type, statement: emptyBilingual() };
		case 'demographic': {
			const dimension =
				demographicDimensionKeys.find((key) => !usedDimensions.includes(key)) ??
				demographicDimensionKeys[0];
			const question = demographicQuestion(dimension, { id });
			return 'customOptions' in question
				? { ...question, customOptions: [blankOption(), blankOption()] }
				: question;
		}
		default:
			return { ...base, type };
	}
}

/** A copy of a question under a new id: same settings, same option keys. */
export function duplicateQuestion(question: QuestionInput, id: string): QuestionInput {
	return { ...structuredClone(question), id };
}

/**
 * The questions a section or question may depend on: those before it in reading order (for a
 * section, the questions of the sections before it).
 */
export function earlierQuestions(
	definition: QuestionnaireDefinitionInput,
	itemId: string
): QuestionInput[] {
	const earlier: QuestionInput[] = [];
	for (const section of definition.sections) {
		if (section.id === itemId) return earlier;
		for (const question of section.questions) {
			if (question.id === itemId) return earlier;
			earlier.push(question);
		}
	}
	return earlier;
}

/** A question with where it is: its section's index and its own index in that section. */
export function findQuestion(definition: QuestionnaireDefinitionInput, questionId: string) {
	for (const [sectionIndex, section] of definition.sections.entries()) {
		const index = section.questions.findIndex((question) => question.id === questionId);
		if (index >= 0) return { question: section.questions[index], section, sectionIndex, index };
	}
	return undefined;
}

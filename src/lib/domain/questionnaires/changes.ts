import { allQuestions, type QuestionnaireDefinition } from './definition';
import { OTHER_CHOICE, type Option } from './options';
import { choicesOf, type Question } from './question-types';

export const meaningChangeKinds = [
	'type_changed',
	'option_removed',
	'question_removed',
	'option_value_changed',
	'scale_changed',
	'dimension_changed'
] as const;
export type MeaningChangeKind = (typeof meaningChangeKinds)[number];

export type MeaningChange = {
	questionId: string;
	kind: MeaningChangeKind;
	/** What changed, as stored (not translated): 'bus', 'bus → transit', 'top: 3 → 5'. */
	detail: string;
};

/** Why an edit is refused, for the editor page; each message takes {{detail}}. */
export const meaningChangeMessages: Record<MeaningChangeKind, string> = {
	type_changed: 'questionnaire.meaning_changes.type_changed',
	option_removed: 'questionnaire.meaning_changes.option_removed',
	question_removed: 'questionnaire.meaning_changes.question_removed',
	option_value_changed: 'questionnaire.meaning_changes.option_value_changed',
	scale_changed: 'questionnaire.meaning_changes.scale_changed',
	dimension_changed: 'questionnaire.meaning_changes.dimension_changed'
};

const sameText = (a: string, b: string) =>
	a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Removed options, except that a removed option whose label (in either language) matches an
 * added option is reported as that option's value having changed: the organizer edited the key.
 */
function optionChanges(id: string, before: Option[], after: Option[]): MeaningChange[] {
	const afterValues = new Set(after.map((option) => option.value));
	const beforeValues = new Set(before.map((option) => option.value));
	const added = after.filter((option) => !beforeValues.has(option.value));
	return before
		.filter((option) => !afterValues.has(option.value))
		.map((removed): MeaningChange => {
			const index = added.findIndex(
				(option) =>
					sameText(option.label.en, removed.label.en) || sameText(option.label.fr, removed.label.fr)
			);
			if (index < 0) return { questionId: id, kind: 'option_removed', detail: removed.value };
			const [renamed] = added.splice(index, 1);
			return {
				questionId: id,
				kind: 'option_value_changed',
				detail: `${removed.value} → ${renamed.value}`
			};
		});
}

function scaleChange(id: string, name: string, before: unknown, after: unknown) {
	const shown = (value: unknown) => (value === undefined ? 'none' : String(value));
	return before === after
		? []
		: [
				{
					questionId: id,
					kind: 'scale_changed' as const,
					detail: `${name}: ${shown(before)} → ${shown(after)}`
				}
			];
}

function questionChanges(before: Question, after: Question): MeaningChange[] {
	const id = before.id;
	if (before.type !== after.type)
		return [{ questionId: id, kind: 'type_changed', detail: `${before.type} → ${after.type}` }];
	if (
		before.type === 'demographic' &&
		after.type === 'demographic' &&
		before.dimension !== after.dimension
	)
		return [
			{
				questionId: id,
				kind: 'dimension_changed',
				detail: `${before.dimension} → ${after.dimension}`
			}
		];
	const changes = optionChanges(id, choicesOf(before), choicesOf(after));
	// Turning "Other" off would orphan the answers written in it; turning it on adds an option.
	if ('allowOther' in before && before.allowOther && !('allowOther' in after && after.allowOther))
		changes.push({ questionId: id, kind: 'option_removed', detail: OTHER_CHOICE });
	// Counts and scales that change what an answer says: a top 3 is not a top 5, and "choose up
	// to 2" answers are not comparable with "choose up to 4" ones. Number bounds and text lengths
	// are not listed: an answer stored under the old bounds still means what it said.
	if (before.type === 'ranking' && after.type === 'ranking')
		changes.push(...scaleChange(id, 'top', before.top, after.top));
	if (before.type === 'multiple_choice' && after.type === 'multiple_choice')
		changes.push(...scaleChange(id, 'maxSelections', before.maxSelections, after.maxSelections));
	if (before.type === 'rating' && after.type === 'rating') {
		changes.push(...scaleChange(id, 'min', before.min, after.min));
		changes.push(...scaleChange(id, 'max', before.max, after.max));
	}
	return changes;
}

/**
 * Edits that would change the meaning of answers already stored, so that they can be refused
 * once a questionnaire has responses. Rewording (prompts, help, labels, titles), reordering and
 * adding options, questions or sections are not meaning changes.
 */
export function meaningChanges(
	before: QuestionnaireDefinition,
	after: QuestionnaireDefinition
): MeaningChange[] {
	const afterById = new Map(allQuestions(after).map((question) => [question.id, question]));
	return allQuestions(before).flatMap((question): MeaningChange[] => {
		const edited = afterById.get(question.id);
		if (!edited)
			return [
				{
					questionId: question.id,
					kind: 'question_removed',
					detail: question.prompt.en || question.prompt.fr
				}
			];
		return questionChanges(question, edited);
	});
}

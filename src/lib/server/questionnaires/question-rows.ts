import type { Condition, QuestionInput } from '$lib/domain/questionnaires';

/** A questions row: the fields every type has in columns, the type's own settings in config. */
export interface QuestionRow {
	id: string;
	type: QuestionInput['type'];
	prompt: { en: string; fr: string };
	help: { en: string; fr: string } | null;
	required: boolean;
	config: Record<string, unknown>;
	condition: Condition | null;
}

export function questionFromRow(row: QuestionRow): QuestionInput {
	return {
		...row.config,
		id: row.id,
		type: row.type,
		prompt: row.prompt,
		...(row.help ? { help: row.help } : {}),
		required: row.required,
		...(row.condition ? { condition: row.condition } : {})
	} as QuestionInput;
}

export function rowFromQuestion(question: QuestionInput): Omit<QuestionRow, 'id'> {
	const { id: _id, type, prompt, help, required, condition, ...config } = question;
	return {
		type,
		prompt,
		help: help ?? null,
		required: required ?? false,
		config,
		condition: condition ?? null
	};
}

/*
 * What the answering page needs of a questionnaire, in the page's language, and the state of one
 * person's answers as it travels between screens. Only types: the page's script must stay small,
 * so nothing here pulls in the questionnaire schema (zod) or the server.
 */
import type { Condition, QuestionType } from '$lib/domain/questionnaires';

export interface ChoiceView {
	value: string;
	label: string;
}

export interface QuestionView {
	id: string;
	type: QuestionType;
	prompt: string;
	help?: string;
	required: boolean;
	condition?: Condition;
	/** single and multiple choice, ranking, demographic (ending with "prefer not to say") */
	options?: ChoiceView[];
	allowOther?: boolean;
	maxSelections?: number;
	/** ranking: how many options to rank */
	top?: number;
	/** rating: what 0 and 10 mean */
	lowLabel?: string;
	highLabel?: string;
	/** number */
	min?: number;
	max?: number;
	integer?: boolean;
	/** short and long text */
	maxLength?: number;
	/** consent */
	statement?: string;
}

export interface SectionView {
	id: string;
	title: string;
	condition?: Condition;
	questions: QuestionView[];
}

export interface SurveyView {
	slug: string;
	title: string;
	intro?: string;
	sections: SectionView[];
}

/**
 * One person's answers in progress. Without JavaScript it travels in the form itself (hidden
 * inputs), so nothing is stored before the final submit.
 */
export interface SurveyState {
	/** made on the server for the first screen; the idempotency key of the response */
	responseId: string;
	/** XXXX-XXXX-XXXX, shown after submitting */
	receipt: string;
	/** changing a response already sent (opened with its receipt code) */
	editing: boolean;
	/** index of the section on screen, in the questionnaire's sections */
	section: number;
	/** the answer fields as the form posts them (q_<id>, q_<id>_other, q_<id>_rank_<value>) */
	fields: [string, string][];
}

/** An answer as people read it, in the page's language. */
export interface ReadableAnswer {
	id: string;
	prompt: string;
	answer: string;
}

export interface ReadableSection {
	title: string;
	answers: ReadableAnswer[];
}

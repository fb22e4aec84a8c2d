/*
 * What the answering page's server rendering hands to its script (enhance.ts): the questionnaire
 * as the page shows it, where to post and go, and the interface text the script may have to show,
 * in the page's language only. It travels in the page as a JSON script element, so the page needs
 * neither SvelteKit's client nor the locale files in the browser.
 */
import type { QuestionRules, SurveyRules } from './live';
import type { SurveyView } from './view';

export const PAGE_DATA_ID = 'answer-page-data';

/** A question as the script needs it: its rules, and its prompt for the error summary. */
export type ScriptQuestion = QuestionRules & { prompt: string };
export type ScriptSurvey = SurveyRules<ScriptQuestion>;

/**
 * The questionnaire as the script needs it, without what the page already shows (titles, help,
 * option labels): the page stays light.
 */
export function scriptSurvey(survey: SurveyView): ScriptSurvey {
	return {
		sections: survey.sections.map(({ condition, questions }) => ({
			...(condition ? { condition } : {}),
			questions: questions.map(
				({ id, type, prompt, required, condition, allowOther, options }) => ({
					id,
					type,
					prompt,
					required,
					...(condition ? { condition } : {}),
					...(allowOther ? { allowOther } : {}),
					...(options ? { options: options.map(({ value }) => ({ value })) } : {})
				})
			)
		}))
	};
}

/** Interface text the script shows: locale key → text, placeholders left as {{name}}. */
export type PageText = Record<string, string>;

export interface AnswerPageData {
	slug: string;
	lang: 'en' | 'fr';
	/** a shared tablet: nothing kept on the device, no receipt (see kiosk.ts) */
	kiosk: boolean;
	/**
	 * The page as opened, not what a post returned: only then may answers kept on this device
	 * (a draft, a hand-over from the other language) be brought back.
	 */
	fresh: boolean;
	/** the questionnaire (while it takes answers and a screen of it is shown), else null */
	survey: ScriptSurvey | null;
	urls: {
		/** this questionnaire, first screen, in the page's language */
		survey: string;
		/** the same in the other language */
		other: string;
		/** a fresh form on a shared tablet */
		kiosk: string;
		/** the JSON endpoint the offline outbox posts to */
		submit: string;
	};
	text: PageText;
}

/** Locale keys the script may show, besides the answer errors (see answerErrorKeys). */
export const PAGE_TEXT_KEYS = [
	'survey.next',
	'survey.send',
	'survey.offline',
	'survey.restored',
	'survey.start_over',
	'survey.queued_closed',
	'survey.queued_rejected',
	'errors.summary_title'
] as const;

/** Keys whose text has placeholders, with the names of the placeholders. */
export const PAGE_TEMPLATE_KEYS = {
	'survey.progress': ['current', 'total'],
	'errors.field_message': ['label', 'message']
} as const;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The page's text for its script: the keys above and the given error keys, in one language. */
export function pageText(t: Translate, errorKeys: readonly string[]): PageText {
	const text: PageText = {};
	for (const key of [...PAGE_TEXT_KEYS, ...errorKeys]) text[key] = t(key);
	for (const [key, names] of Object.entries(PAGE_TEMPLATE_KEYS))
		text[key] = t(key, Object.fromEntries(names.map((name) => [name, `{{${name}}}`])));
	return text;
}

/** A text's {{name}} placeholders replaced by the values given; unknown ones are left as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
		Object.hasOwn(values, name) ? String(values[name]) : whole
	);
}

// Characters that would let organizer-written text close the script element or confuse a parser.
const UNSAFE: Record<string, string> = {
	'<': '\\u003c',
	'>': '\\u003e',
	'&': '\\u0026',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029'
};

/** A JSON script element holding `value`, safe to render as raw HTML whatever the text holds. */
export function jsonScript(id: string, value: unknown): string {
	const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => UNSAFE[char]);
	return `<script type="application/json" id="${id}">${json}</script>`;
}

/** The data the server rendered into the page, or null when there is none (or it is unreadable). */
export function readPageData(root: Pick<Document, 'getElementById'>): AnswerPageData | null {
	const element = root.getElementById(PAGE_DATA_ID);
	if (!element?.textContent) return null;
	try {
		return JSON.parse(element.textContent) as AnswerPageData;
	} catch {
		return null;
	}
}

/*
 * The answering page's only script: it enhances the form the server rendered (the page ships no
 * SvelteKit client, csr = false) and does nothing that the page cannot do without it, only
 * faster and kinder:
 * - conditions apply as people answer (every question of the section is rendered; the ones a
 *   condition hides carry `hidden`), with the progress and the Next/Send label kept in step;
 * - Next, Back and Send post the form with fetch and put the page the server returns in place,
 *   so a failed post (offline) keeps the person on the page: the final Send is then queued on
 *   the device (outbox.ts) and sent when the network comes back;
 * - answers in progress are kept on the device (device.ts) and brought back, through the
 *   server's `switch` action, which renders any screen from posted answers;
 * - the language switch hands the answers over to the page in the other language;
 * - on a shared tablet (kiosk.ts) nothing is kept and the form starts over on its own.
 * It is loaded by the receipt page too, where it only moves focus to what a post brought.
 * Text comes from the page (page-data.ts), in the page's language.
 */
import { clearDraft, handOver, loadDraft, saveDraft, takeHandOver } from './device';
import { formAction, KIOSK_RESTART_SECONDS } from './kiosk';
import {
	answerEntries,
	answerField,
	formFields,
	missingRequired,
	rawAnswers,
	visibleSections
} from './live';
import { flush, pending, queue, type OutboxItem } from './outbox';
import { typedContact } from '../domain/responses/contact-fields';
import { fill, readPageData, type AnswerPageData, type ScriptQuestion } from './page-data';
import type { SurveyState } from './view';

let data: AnswerPageData | null = null;
/** a post is under way: further presses wait for it */
let busy = false;
/** the screen on show is the last one: Next sends */
let lastScreen = false;
/** the response this page queued offline, while it waits */
let queuedId: string | null = null;
/** what the queued screen replaced, to bring back if the queued answers come back refused */
let stashed: Node[] | null = null;
let restartTimer: ReturnType<typeof setTimeout> | undefined;

const area = () => document.getElementById('answer-area');
const answerForm = () => document.querySelector<HTMLFormElement>('form[data-answer-form]');
const text = (key: string) => data?.text[key] ?? key;
const storage = () => (data && !data.kiosk ? localStorage : null);

function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attributes: Record<string, string> = {},
	content: string | Node[] = []
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	if (typeof content === 'string') node.textContent = content;
	else node.append(...content);
	return node;
}

function stateOf(values: FormData): SurveyState {
	const value = (name: string) => String(values.get(name) ?? '');
	return {
		responseId: value('responseId'),
		receipt: value('receipt'),
		editing: values.has('editing'),
		section: Number(value('section')),
		fields: answerEntries(formFields(values))
	};
}

function findQuestion(id: string): ScriptQuestion | undefined {
	for (const section of data?.survey?.sections ?? [])
		for (const question of section.questions) if (question.id === id) return question;
	return undefined;
}

/** Conditions, progress and the Next/Send label, from the answers as they are now. */
function update() {
	const form = answerForm();
	const survey = data?.survey;
	if (!form || !survey) return;
	const values = new FormData(form);
	const fields = formFields(values);
	const section = Number(values.get('section'));
	const sections = visibleSections(survey, fields).filter(
		(shown) => shown.questions.length > 0 || shown.index === section
	);
	const position = Math.max(
		0,
		sections.findIndex((shown) => shown.index === section)
	);
	const ids = (sections[position]?.questions ?? []).map((question) => question.id);
	for (const wrapper of form.querySelectorAll<HTMLElement>('[data-question]'))
		wrapper.hidden = !ids.includes(wrapper.dataset.question ?? '');
	const shown = form.elements.namedItem('shown');
	if (shown instanceof HTMLInputElement) shown.value = ids.join(',');
	lastScreen = position >= sections.length - 1;
	const label = document.getElementById('progress-label');
	if (label)
		label.textContent = fill(text('survey.progress'), {
			current: position + 1,
			total: sections.length
		});
	const progress = form.querySelector('progress');
	if (progress) {
		progress.max = sections.length;
		progress.value = position + 1;
	}
	const next = form.querySelector('[data-next]');
	if (next) next.textContent = text(lastScreen ? 'survey.send' : 'survey.next');
}

function remember() {
	const form = answerForm();
	const store = storage();
	if (form && store && data) saveDraft(store, data.slug, stateOf(new FormData(form)));
}

// --- notices and errors shown by the script (the server renders its own the same way) ---

/** Replaces any notice with this one, just above the form. */
function showNotice(key: string) {
	const place = area();
	if (!place) return;
	for (const old of place.querySelectorAll(':scope > .notice')) old.remove();
	const notice = element('div', { class: 'notice', role: 'status' }, [element('p', {}, text(key))]);
	if (key !== 'survey.restored' && key !== 'survey.editing') notice.classList.add('warning');
	if (key === 'survey.restored') {
		const startOver = element(
			'button',
			{ type: 'button', class: 'secondary' },
			text('survey.start_over')
		);
		startOver.addEventListener('click', () => {
			if (data) clearDraft(localStorage, data.slug);
			if (data) location.replace(data.urls.survey);
		});
		notice.append(startOver);
	}
	const form = answerForm();
	if (form?.parentElement === place) form.before(notice);
	else place.append(notice);
}

function clearErrors(form: HTMLFormElement) {
	area()?.querySelector(':scope > .error-summary')?.remove();
	for (const error of form.querySelectorAll('.field-error')) error.remove();
	for (const invalid of form.querySelectorAll('.question.invalid'))
		invalid.classList.remove('invalid');
	for (const input of form.querySelectorAll('[aria-invalid]'))
		input.removeAttribute('aria-invalid');
	for (const described of form.querySelectorAll('[aria-describedby]')) {
		const ids = (described.getAttribute('aria-describedby') ?? '')
			.split(' ')
			.filter((id) => id && !id.endsWith('-error'));
		if (ids.length > 0) described.setAttribute('aria-describedby', ids.join(' '));
		else described.removeAttribute('aria-describedby');
	}
}

/** Marks one question's answer wrong, as the question components do (AnswerGroup). */
function markQuestion(form: HTMLFormElement, id: string, message: string) {
	const box = form.querySelector(`[data-question="${CSS.escape(id)}"] .question`);
	if (!box) return;
	const errorId = `${answerField(id)}-error`;
	box.classList.add('invalid');
	const error = element('p', { class: 'field-error', id: errorId }, message);
	const notes = box.querySelectorAll(':scope > .hint');
	const after = notes[notes.length - 1] ?? box.querySelector(':scope > legend, :scope > .prompt');
	if (after) after.after(error);
	else box.prepend(error);
	const single = box.tagName !== 'FIELDSET';
	const describe = (target: Element) =>
		target.setAttribute(
			'aria-describedby',
			[target.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' ')
		);
	if (!single) describe(box);
	for (const input of box.querySelectorAll('input, select, textarea')) {
		if (input.id === `${answerField(id)}-other`) continue;
		input.setAttribute('aria-invalid', 'true');
		if (single) describe(input);
	}
}

/** Errors found on the device (keys by question id): a summary, then each beside its question. */
function showErrors(errors: Record<string, string>) {
	const form = answerForm();
	const place = area();
	if (!form || !place) return;
	clearErrors(form);
	const message = (key: string) => data?.text[key] ?? text('answer_errors.invalid');
	const items = Object.entries(errors).map(([id, key]) => {
		const question = findQuestion(id);
		const wrapper = form.querySelector<HTMLElement>(`[data-question="${CSS.escape(id)}"]`);
		if (!question || !wrapper || wrapper.hidden) return element('li', {}, message(key));
		markQuestion(form, id, message(key));
		const label = fill(text('errors.field_message'), {
			label: question.prompt,
			message: message(key)
		});
		return element('li', {}, [element('a', { href: `#${answerField(id)}` }, label)]);
	});
	if (items.length === 0) return;
	const summary = element(
		'div',
		{
			class: 'error-summary',
			role: 'alert',
			tabindex: '-1',
			'aria-labelledby': 'error-summary-title'
		},
		[
			element('h2', { id: 'error-summary-title' }, text('errors.summary_title')),
			element('ul', {}, items)
		]
	);
	(place.querySelector(':scope > .notice') ?? form).before(summary);
	summary.focus();
}

// --- screens the script puts in place of the form ---

function stash(nodes: Node[]) {
	const place = area();
	if (!place) return;
	stashed ??= [...place.childNodes];
	place.replaceChildren(...nodes);
}

function unstash(): boolean {
	const place = area();
	if (!place || !stashed) return false;
	place.replaceChildren(...stashed);
	stashed = null;
	update();
	return true;
}

/** A screen the server rendered into a template (in the page's language), with its receipt. */
function fromTemplate(id: string, receipt: string | null): Node[] {
	const template = document.getElementById(id);
	if (!(template instanceof HTMLTemplateElement)) return [];
	const content = template.content.cloneNode(true) as DocumentFragment;
	for (const code of content.querySelectorAll('.receipt-code')) code.textContent = receipt ?? '';
	return [...content.childNodes];
}

function showQueued(item: OutboxItem) {
	stash(fromTemplate('answer-queued', item.receipt));
	restartSoon();
}

function showSentLater(receipt: string) {
	stashed = null;
	area()?.replaceChildren(...fromTemplate('answer-sent-later', receipt));
	settle();
}

/** On a shared tablet, the screen after a response leads to a fresh form on its own. */
function restartSoon() {
	if (!data?.kiosk || !area()?.querySelector('.kiosk-next')) return;
	for (const soon of document.querySelectorAll<HTMLElement>('[data-restart-soon]'))
		soon.hidden = false;
	clearTimeout(restartTimer);
	const fresh = data.urls.kiosk;
	// replace: Back must not bring the last person's answers again
	restartTimer = setTimeout(() => location.replace(fresh), KIOSK_RESTART_SECONDS * 1000);
}

/** Focus, storage and timers for whatever screen is now on show. */
function settle(moved = false) {
	const thanks = document.getElementById('thanks-title');
	const summary = document.querySelector<HTMLElement>('.error-summary');
	const store = storage();
	if (thanks) {
		if (store && data) clearDraft(store, data.slug);
		thanks.focus();
		restartSoon();
		return;
	}
	const form = answerForm();
	if (form && store && data) saveDraft(store, data.slug, stateOf(new FormData(form)));
	update();
	if (summary) summary.focus();
	else if (moved) document.querySelector<HTMLElement>('#answer-area h2[tabindex="-1"]')?.focus();
}

// --- talking to the server ---

interface Reply {
	status: number;
	html: string;
}

/** Posts a form; null when the server could not be reached. */
async function post(url: string, body: FormData): Promise<Reply | null> {
	busy = true;
	try {
		const response = await fetch(url, { method: 'POST', body, headers: { accept: 'text/html' } });
		return { status: response.status, html: await response.text() };
	} catch {
		return null;
	} finally {
		busy = false;
	}
}

/** Puts the page the server returned in place of this one's content, as a navigation would. */
function show(reply: Reply) {
	const next = new DOMParser().parseFromString(reply.html, 'text/html');
	const incoming = next.querySelector('main');
	const main = document.querySelector('main');
	if (!incoming || !main) return false;
	clearTimeout(restartTimer);
	stashed = null;
	document.title = next.title;
	main.replaceChildren(...incoming.childNodes);
	data = readPageData(document);
	return true;
}

/** The final Send could not reach the server: keep it on the device and send it later. */
function keepForLater(values: FormData) {
	const survey = data?.survey;
	if (!data || !survey) return;
	const fields = formFields(values);
	const onScreen = String(values.get('shown') ?? '').split(',');
	const missing = Object.entries(missingRequired(survey, fields)).filter(([id]) =>
		onScreen.includes(id)
	);
	if (missing.length > 0) return showErrors(Object.fromEntries(missing));
	const state = stateOf(values);
	const item: OutboxItem = {
		url: data.urls.submit,
		slug: data.slug,
		responseId: state.responseId,
		receipt: state.receipt,
		language: data.lang,
		answers: rawAnswers(survey, fields),
		contact: typedContact(values).raw,
		queuedAt: Date.now()
	};
	if (!queue(localStorage, item)) return showNotice('survey.offline');
	const store = storage();
	if (store) saveDraft(store, data.slug, state);
	queuedId = item.responseId;
	showQueued(item);
}

async function submit(form: HTMLFormElement, submitter: HTMLElement | null) {
	const values = new FormData(form);
	const final = lastScreen && !!submitter?.hasAttribute('data-next');
	const url =
		submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement
			? submitter.formAction
			: form.action;
	const reply = await post(url, values);
	if (!reply) {
		if (final) keepForLater(values);
		else showNotice('survey.offline');
		return;
	}
	if (show(reply)) settle(reply.status === 200);
	else location.reload();
}

/**
 * Brings back answers kept on the device: the server renders their screen (its `switch` action
 * shows the posted answers again, as the language button does without JavaScript).
 */
async function reopen(state: SurveyState, notice?: string, errors?: Record<string, string>) {
	if (!data) return;
	const body = new FormData();
	body.set('responseId', state.responseId);
	body.set('receipt', state.receipt);
	body.set('section', String(state.section));
	if (state.editing) body.set('editing', '1');
	for (const [name, value] of state.fields) body.append(name, value);
	const reply = await post(new URL(formAction('switch', data.kiosk), location.href).href, body);
	if (!reply || !show(reply)) return;
	settle();
	if (notice) showNotice(notice);
	if (errors) showErrors(errors);
}

/** Sends what waits in the outbox, and shows what became of this questionnaire's answers. */
async function sendWaiting() {
	for (const delivery of await flush(localStorage)) {
		const { item } = delivery;
		if (!data || item.slug !== data.slug) continue;
		const ours = queuedId === item.responseId;
		// On a shared tablet, what an earlier person left waiting is no business of this one.
		if (data.kiosk && !ours) continue;
		if (ours) queuedId = null;
		if (delivery.status === 'sent') {
			showSentLater(item.receipt);
		} else if (delivery.status === 'closed') {
			unstash();
			showNotice('survey.queued_closed');
		} else if (ours && unstash()) {
			showNotice('survey.queued_rejected');
			showErrors(delivery.errors);
		} else {
			const draft = storage() && loadDraft(localStorage, data.slug);
			if (draft) await reopen(draft, 'survey.queued_rejected', delivery.errors);
			else {
				unstash();
				showNotice('survey.queued_rejected');
			}
		}
	}
}

// --- wiring ---

function onSubmit(event: SubmitEvent) {
	const form = event.target;
	if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-answer-form') || !data) return;
	const submitter = event.submitter;
	if (submitter?.hasAttribute('data-switch')) {
		// On a shared tablet nothing goes into storage: the answers are posted, as without script.
		if (data.kiosk) return;
		event.preventDefault();
		handOver(sessionStorage, data.slug, stateOf(new FormData(form)));
		location.assign(data.urls.other);
		return;
	}
	event.preventDefault();
	if (!busy) void submit(form, submitter);
}

function onClick(event: MouseEvent) {
	const target = event.target instanceof Element ? event.target : null;
	const next = target?.closest<HTMLAnchorElement>('a.kiosk-next');
	if (next) {
		// a fresh form in place of this page, so that Back does not bring the answers again
		event.preventDefault();
		location.replace(next.href);
		return;
	}
	// The language link in the header reloads the page: hand the answers over first.
	const form = answerForm();
	if (target?.closest('a.language-switch') && form && data && !data.kiosk)
		handOver(sessionStorage, data.slug, stateOf(new FormData(form)));
}

function onInput(event: Event) {
	if (!(event.target instanceof Element) || !event.target.closest('form[data-answer-form]')) return;
	update();
	remember();
}

function start() {
	data = readPageData(document);
	// A post without script (or the receipt page's steps) brought this page: focus what it says.
	document.querySelector<HTMLElement>('.error-summary, [data-focus]')?.focus();
	if (!data) return;
	update();
	restartSoon();
	document.addEventListener('submit', onSubmit);
	document.addEventListener('click', onClick, true);
	document.addEventListener('input', onInput);
	document.addEventListener('change', onInput);
	addEventListener('online', () => void sendWaiting());
	if (data.fresh && data.survey && !data.kiosk) {
		const { slug } = data;
		const waiting = pending(localStorage).find((item) => item.slug === slug);
		const handed = takeHandOver(sessionStorage, slug);
		const draft = handed ?? loadDraft(localStorage, slug);
		if (waiting) showQueued(waiting);
		else if (draft && (handed || draft.fields.length > 0))
			void reopen(draft, handed ? undefined : 'survey.restored');
	}
	void sendWaiting();
}

start();

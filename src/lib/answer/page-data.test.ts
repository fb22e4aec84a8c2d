import { describe, expect, it } from 'vitest';
import { fill, jsonScript, pageText, PAGE_DATA_ID, readPageData, scriptSurvey } from './page-data';

describe('fill', () => {
	it('puts values in the placeholders, numbers included', () => {
		expect(fill('Section {{current}} of {{ total }}', { current: 2, total: 3 })).toBe(
			'Section 2 of 3'
		);
	});

	it('leaves unknown placeholders and other braces as they are', () => {
		expect(fill('{{label}} : {{message}} {x}', { label: 'Âge' })).toBe('Âge : {{message}} {x}');
	});

	it('inserts values literally, even when they look like placeholders or patterns', () => {
		expect(fill('{{a}}-{{b}}', { a: '{{b}}', b: '$&' })).toBe('{{b}}-$&');
	});
});

describe('pageText', () => {
	it('takes each key once in the language given, templates with their placeholders kept', () => {
		const asked: string[] = [];
		const t = (key: string, options?: Record<string, unknown>) => {
			asked.push(key);
			return options ? `${key}:${Object.values(options).join('|')}` : key.toUpperCase();
		};
		const text = pageText(t, ['answer_errors.required']);
		expect(text['survey.next']).toBe('SURVEY.NEXT');
		expect(text['answer_errors.required']).toBe('ANSWER_ERRORS.REQUIRED');
		expect(text['survey.progress']).toBe('survey.progress:{{current}}|{{total}}');
		expect(text['errors.field_message']).toBe('errors.field_message:{{label}}|{{message}}');
		expect(new Set(asked).size).toBe(asked.length);
	});
});

describe('jsonScript', () => {
	/** What a browser's parser makes of the element: the text up to the first </script>. */
	const parsed = (html: string) => ({
		getElementById: (id: string) =>
			html.startsWith(`<script type="application/json" id="${id}">`)
				? { textContent: html.slice(html.indexOf('>') + 1, html.indexOf('</script>')) }
				: null
	});

	it('cannot be closed or broken by the text it carries', () => {
		const hostile = {
			title: '</script><script>alert(1)</script>',
			intro: '<!-- <script> & \u2028\u2029 «»'
		};
		const html = jsonScript(PAGE_DATA_ID, hostile);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		expect(html).not.toMatch(/<!--|\u2028|\u2029/);
		expect(readPageData(parsed(html) as unknown as Document)).toEqual(hostile);
	});

	it('is read back by the script', () => {
		const value = { slug: 'a', text: { 'survey.next': 'Suivant <&>' } };
		expect(readPageData(parsed(jsonScript(PAGE_DATA_ID, value)) as unknown as Document)).toEqual(
			value
		);
	});

	it('reads nothing when the element is missing or damaged', () => {
		expect(readPageData({ getElementById: () => null })).toBeNull();
		expect(
			readPageData({ getElementById: () => ({ textContent: '{nope' }) as HTMLElement })
		).toBeNull();
	});
});

describe('scriptSurvey', () => {
	it('keeps what conditions, the outbox and the error summary need, and no more', () => {
		const condition = { questionId: 'a', operator: 'equals' as const, value: 'yes' };
		const slim = scriptSurvey({
			slug: 's',
			title: 'Title',
			intro: 'Intro',
			sections: [
				{
					id: 'one',
					title: 'One',
					condition,
					questions: [
						{
							id: 'a',
							type: 'single_choice',
							prompt: 'A?',
							help: 'Help',
							required: true,
							allowOther: true,
							options: [{ value: 'yes', label: 'Yes' }]
						},
						{ id: 'b', type: 'short_text', prompt: 'B?', required: false, condition, maxLength: 9 }
					]
				}
			]
		});
		expect(slim).toEqual({
			sections: [
				{
					condition,
					questions: [
						{
							id: 'a',
							type: 'single_choice',
							prompt: 'A?',
							required: true,
							allowOther: true,
							options: [{ value: 'yes' }]
						},
						{ id: 'b', type: 'short_text', prompt: 'B?', required: false, condition }
					]
				}
			]
		});
	});
});

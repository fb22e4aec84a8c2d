import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ImportProblems from './ImportProblems.svelte';

describe('ImportProblems', () => {
	it('names the table and its scrolling region by the caption, one row per problem', () => {
		const { body } = render(ImportProblems, {
			props: {
				caption: 'Problems found',
				headers: ['Row', 'Column', 'Problem'],
				rows: [
					['2', 'code', 'Missing code'],
					['—', 'name_fr', 'Too long']
				]
			}
		});
		expect(body).toMatch(/role="region" aria-labelledby="problems-caption" tabindex="0"/);
		expect(body).toContain('<caption id="problems-caption">Problems found</caption>');
		expect(body.match(/<th scope="col">/g)).toHaveLength(3);
		expect(body.match(/<tr>/g)).toHaveLength(3);
		expect(body).toContain('<td>name_fr</td>');
	});
});

import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import ResultTable from './ResultTable.svelte';

// Rendered outside a request: the page's language comes from here.
vi.mock('$app/state', () => ({ page: { data: { lang: 'en' } } }));

describe('ResultTable', () => {
	const props = {
		labelledBy: 'q1',
		k: 5,
		headers: ['Option', 'Points', 'Average rank', 'Times ranked'],
		rows: [
			{ key: 'a', label: 'Parks', cells: ['12', '1.5', '8'] },
			{ key: 'b', label: 'Roads', cells: null }
		]
	};

	it('shows the numbers of a row with enough people', () => {
		const { body } = render(ResultTable, { props });
		expect(body).toMatch(/role="region" aria-labelledby="q1" tabindex="0"/);
		expect(body).toContain('<th scope="row">Parks</th>');
		expect(body).toContain('<td class="number">1.5</td>');
		expect(body.match(/<th scope="col" class="number">/g)).toHaveLength(3);
	});

	it('shows no number for a row of fewer than k, only that, in the chosen column', () => {
		const { body } = render(ResultTable, { props: { ...props, suppressedAt: 2 } });
		const hidden = body.slice(body.indexOf('Roads'));
		const cells = hidden.match(/<td[^>]*>[^<]*<\/td>/g)!;
		expect(cells).toHaveLength(3);
		expect(cells[2]).toMatch(/class="number suppressed">.*5/);
		expect(cells.slice(0, 2)).toEqual(['<td class="number"></td>', '<td class="number"></td>']);
	});
});

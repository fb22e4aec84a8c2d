import { describe, expect, it } from 'vitest';
import { demographicQuestion, questionSchema, type Question } from '../questionnaires';
import {
	filterableDimensions,
	filterParams,
	isFiltered,
	noFilter,
	parseFilter,
	queryString
} from './filters';

const questions: Question[] = [
	questionSchema.parse({
		id: crypto.randomUUID(),
		type: 'yes_no',
		prompt: { en: 'Q', fr: 'Q' }
	}),
	demographicQuestion('age_group'),
	demographicQuestion('area_of_residence', {
		customOptions: [
			{ value: 'north', label: { en: 'North', fr: 'Nord' } },
			{ value: 'south', label: { en: 'South', fr: 'Sud' } }
		]
	})
];

describe('results filters', () => {
	it('offers the questionnaire’s demographic questions with their options', () => {
		const dimensions = filterableDimensions(questions);
		expect(dimensions.map((d) => d.dimension)).toEqual(['age_group', 'area_of_residence']);
		expect(dimensions[1].options.map((o) => o.value)).toEqual([
			'north',
			'south',
			'prefer_not_to_say'
		]);
	});

	it('reads dimensions, channel and language from the query string', () => {
		const filter = parseFilter(
			new URLSearchParams('age_group=25_34&area_of_residence=north&channel=paper&language=fr'),
			questions
		);
		expect(filter).toEqual({
			demographics: { age_group: '25_34', area_of_residence: 'north' },
			channel: 'paper',
			language: 'fr'
		});
		expect(isFiltered(filter)).toBe(true);
		expect(parseFilter(new URLSearchParams(queryString(filter)), questions)).toEqual(filter);
	});

	it('leaves out what this questionnaire does not have, rather than failing', () => {
		const filter = parseFilter(
			new URLSearchParams('age_group=12_14&gender=woman&channel=fax&language=de&text_search=x'),
			questions
		);
		expect(filter).toEqual(noFilter);
		expect(isFiltered(filter)).toBe(false);
		expect(queryString(filter)).toBe('');
	});

	it('writes a filter back as parameters, with any extra ones after', () => {
		const filter = parseFilter(new URLSearchParams('language=en&age_group=75_plus'), questions);
		expect(filterParams(filter)).toEqual([
			['age_group', '75_plus'],
			['language', 'en']
		]);
		expect(queryString(filter, [['lang', 'fr']])).toBe('?age_group=75_plus&language=en&lang=fr');
	});
});

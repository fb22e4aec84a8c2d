import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en.json';
import fr from '../../i18n/locales/fr.json';
import {
	demographicDimension,
	demographicDimensionKeys,
	demographicDimensions,
	demographicOptions,
	demographicQuestion,
	isDemographicDimension,
	PREFER_NOT_TO_SAY
} from './demographics';
import { OPTION_VALUE } from './options';
import { questionSchema } from './question-types';
import { options } from './test-arbitraries';

describe('demographicDimensions', () => {
	it('covers the standard dimensions, in order', () => {
		expect(demographicDimensions.map((spec) => spec.key)).toEqual([...demographicDimensionKeys]);
		expect(demographicDimensionKeys).toEqual([
			'age_group',
			'gender',
			'first_official_language',
			'indigenous_identity',
			'immigrant_status',
			'racialized_group',
			'disability',
			'household_income',
			'housing_tenure',
			'area_of_residence'
		]);
	});

	it('maps each dimension to its census concept, or none when baselines are entered by hand', () => {
		expect(
			Object.fromEntries(demographicDimensions.map((spec) => [spec.key, spec.censusDimension]))
		).toEqual({
			age_group: 'age',
			gender: 'gender',
			first_official_language: 'first_official_language_spoken',
			indigenous_identity: 'indigenous_identity',
			immigrant_status: 'immigrant_status',
			racialized_group: 'visible_minority',
			disability: null,
			household_income: 'household_total_income',
			housing_tenure: 'housing_tenure',
			area_of_residence: null
		});
	});

	it('always ends with prefer_not_to_say, with valid, unique option values', () => {
		for (const spec of demographicDimensions) {
			const values = spec.options.map((option) => option.value);
			expect(values.at(-1), spec.key).toBe(PREFER_NOT_TO_SAY);
			expect(new Set(values).size, spec.key).toBe(values.length);
			for (const value of values) expect(value).toMatch(OPTION_VALUE);
		}
	});

	it('has wording in both languages, taken from the locale files', () => {
		for (const spec of demographicDimensions) {
			for (const text of [spec.label, spec.prompt, ...spec.options.map((option) => option.label)]) {
				expect(text.en.trim(), spec.key).not.toBe('');
				expect(text.fr.trim(), spec.key).not.toBe('');
			}
		}
		expect(demographicDimension('age_group').label).toEqual({
			en: en.demographics.age_group.label,
			fr: fr.demographics.age_group.label
		});
	});

	it('offers the age groups from 15 up, and income bands', () => {
		expect(demographicDimension('age_group').options.map((option) => option.value)).toEqual([
			'15_24',
			'25_34',
			'35_44',
			'45_54',
			'55_64',
			'65_74',
			'75_plus',
			'prefer_not_to_say'
		]);
		expect(demographicDimension('household_income').options).toHaveLength(6);
	});

	it('lets organizers list the areas, and only the areas', () => {
		expect(demographicDimensions.filter((spec) => spec.organizerOptions).map((s) => s.key)).toEqual(
			['area_of_residence']
		);
		expect(demographicDimension('area_of_residence').options.map((o) => o.value)).toEqual([
			PREFER_NOT_TO_SAY
		]);
		expect(
			demographicOptions('area_of_residence', options('lowertown', 'sandy_hill')).map(
				(o) => o.value
			)
		).toEqual(['lowertown', 'sandy_hill', PREFER_NOT_TO_SAY]);
		expect(demographicOptions('gender', options('ignored', 'too'))).toEqual(
			demographicDimension('gender').options
		);
	});

	it('recognises dimension keys', () => {
		expect(isDemographicDimension('gender')).toBe(true);
		expect(isDemographicDimension('shoe_size')).toBe(false);
	});
});

describe('demographicQuestion', () => {
	it('builds a valid question for every standard dimension', () => {
		for (const key of demographicDimensionKeys) {
			if (demographicDimension(key).organizerOptions) continue;
			const question = demographicQuestion(key);
			expect(questionSchema.parse(question)).toEqual(question);
			expect(question.prompt).toEqual(demographicDimension(key).prompt);
			expect(question.required).toBe(false);
		}
	});

	it('uses the given id, and needs the organizer’s areas for area of residence', () => {
		const id = '00000000-0000-4000-8000-000000000042';
		expect(demographicQuestion('gender', { id }).id).toBe(id);
		expect(questionSchema.safeParse(demographicQuestion('area_of_residence')).success).toBe(false);
		const area = demographicQuestion('area_of_residence', {
			customOptions: options('lowertown', 'vanier')
		});
		expect(questionSchema.parse(area)).toEqual(area);
	});

	it('gives each question its own copy of the prompt, safe to reword', () => {
		const question = demographicQuestion('gender');
		question.prompt.en = 'Your gender';
		expect(demographicDimension('gender').prompt.en).not.toBe('Your gender');
	});
});
